export default function Loading() {
  return (
    <div aria-busy="true">
      <div className="skeleton skeleton-title" />
      {Array.from({ length: 10 }, (_, index) => (
        <div key={index} className="skeleton skeleton-row" />
      ))}
    </div>
  );
}
