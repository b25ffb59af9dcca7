/** Skeleton of the Eventos page while its first metrics are on their way. */
export default function Loading() {
  return (
    <div className="skeleton-page" aria-busy="true" aria-live="polite">
      <div className="skeleton skeleton-title" />
      <div className="overview-grid">
        <div className="skeleton skeleton-card" />
        <div className="overview-side">
          <div className="skeleton skeleton-card tall" />
        </div>
        <div className="skeleton skeleton-card tall" />
        <div className="skeleton skeleton-card" />
      </div>
    </div>
  );
}
