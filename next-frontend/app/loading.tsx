/** Skeleton shown while a page's server data is on its way. */
export default function Loading() {
  return (
    <div className="skeleton-page" aria-busy="true" aria-live="polite">
      <div className="skeleton skeleton-title" />
      <div className="overview-grid">
        <div className="skeleton skeleton-card tall" />
        <div className="overview-side">
          <div className="skeleton skeleton-card tall" />
        </div>
        <div className="skeleton skeleton-card" />
      </div>
    </div>
  );
}
