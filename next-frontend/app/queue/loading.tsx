export default function Loading() {
  return (
    <div aria-busy="true">
      <div className="skeleton skeleton-title" />
      <div className="queue-grid">
        <div className="skeleton skeleton-card" />
        <div className="skeleton skeleton-card" />
      </div>
      <div className="skeleton skeleton-card tall" style={{ marginTop: 16 }} />
    </div>
  );
}
