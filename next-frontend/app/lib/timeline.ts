import type { Phase } from '@pedidos/contract';

export type TimelineStage = 'generation' | 'vip' | 'normal';

export interface TimelineSegment {
  stage: TimelineStage;
  ms: number | null;
  /** Share of the bar, 0–100; stages with no time yet get 0. */
  widthPercent: number;
  current: boolean;
}

/** The stage a phase belongs to on the timeline. */
export function currentStage(phase: Phase | null | undefined): TimelineStage | null {
  if (phase === 'GENERATING') return 'generation';
  if (phase === 'ENQUEUE_VIP' || phase === 'WAITING_VIP_DRAIN') return 'vip';
  if (phase === 'ENQUEUE_NORMAL' || phase === 'WAITING_NORMAL_DRAIN') return 'normal';
  return null;
}

/** Below this share a stage would be invisible, so it is widened (and the others narrowed) to it. */
const MIN_VISIBLE_PERCENT = 4;

/**
 * Splits the bar between generation, VIP and NORMAL in proportion to their durations.
 * Widths always add up to 100 when any stage has time.
 */
export function timelineSegments(
  durations: Record<TimelineStage, number | null | undefined>,
  phase: Phase | null | undefined,
): TimelineSegment[] {
  const stages: TimelineStage[] = ['generation', 'vip', 'normal'];
  const stage = currentStage(phase);
  const values = stages.map((s) => {
    const ms = durations[s];
    return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
  });
  const total = values.reduce((sum, ms) => sum + ms, 0);
  let widths = values.map((ms) => (total > 0 ? (ms / total) * 100 : 0));
  const visible = widths.filter((w) => w > 0).length;
  if (visible > 1) {
    const small = widths.filter((w) => w > 0 && w < MIN_VISIBLE_PERCENT);
    if (small.length) {
      const bumped = small.length * MIN_VISIBLE_PERCENT;
      const largeTotal = widths.filter((w) => w >= MIN_VISIBLE_PERCENT).reduce((a, b) => a + b, 0);
      widths = widths.map((w) =>
        w === 0 ? 0 : w < MIN_VISIBLE_PERCENT ? MIN_VISIBLE_PERCENT : (w / largeTotal) * (100 - bumped),
      );
    }
  }
  return stages.map((s, index) => ({
    stage: s,
    ms: durations[s] ?? null,
    widthPercent: widths[index],
    current: s === stage,
  }));
}
