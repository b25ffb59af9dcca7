/** What a route shows while its data loads: a title bar, then rows (tables) or one tall card (lists, logs). */
export function PageSkeleton({ rows }: { rows?: number }) {
  return (
    <div aria-busy="true">
      <div className="skeleton skeleton-title" />
      {rows === undefined ? (
        <div className="skeleton skeleton-card tall" />
      ) : (
        Array.from({ length: rows }, (_, index) => <div key={index} className="skeleton skeleton-row" />)
      )}
    </div>
  );
}
