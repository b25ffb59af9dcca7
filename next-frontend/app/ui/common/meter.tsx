/** A horizontal bar for a 0–100 value; announced as a progressbar with its text value. */
export function Meter({
  percent,
  label,
  valueText,
  tone = 'accent',
  testId,
}: {
  percent: number | null | undefined;
  label: string;
  valueText: string;
  tone?: 'accent' | 'vip' | 'normal';
  testId?: string;
}) {
  const value = typeof percent === 'number' && Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : null;
  return (
    <div
      className="meter"
      data-tone={tone}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={valueText}
      data-testid={testId}
    >
      <div className="meter-fill" style={{ width: `${value ?? 0}%` }} />
    </div>
  );
}
