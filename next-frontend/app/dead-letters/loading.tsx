export default function Loading() {
  return (
    <div aria-busy="true">
      <div className="skeleton skeleton-title" />
      <div className="skeleton skeleton-card tall" />
    </div>
  );
}
