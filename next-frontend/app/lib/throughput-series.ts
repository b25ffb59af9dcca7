import type { Phase, StatusSnapshot } from '@pedidos/contract';
import { isActivePhase, priorityBeingProcessed } from './phases';

/** One point of the live throughput chart, all values as the server reported them (orders/s). */
export interface ThroughputSample {
  /** Server time of the snapshot (ms since epoch). */
  t: number;
  phase: Phase;
  /** `throughput.current` while VIP orders are being drained, otherwise null (a gap, not a zero). */
  vip: number | null;
  /** `throughput.current` while NORMAL orders are being drained, otherwise null. */
  normal: number | null;
  /** `throughput.overall`, the run's average so far. */
  overall: number | null;
}

export interface ThroughputSeries {
  runId: string | null;
  samples: ThroughputSample[];
}

export const EMPTY_SERIES: ThroughputSeries = { runId: null, samples: [] };
/** Points kept per run; at ~10 updates/s this is ~24 s at full resolution, then older points thin out. */
export const MAX_CHART_POINTS = 240;

/** Turns a status snapshot into a chart sample; null when it has no timestamp to place it. */
export function sampleFromStatus(status: StatusSnapshot): ThroughputSample | null {
  const t = status.updatedAt ? Date.parse(status.updatedAt) : NaN;
  if (!Number.isFinite(t)) return null;
  const priority = priorityBeingProcessed(status.phase);
  const current = status.throughput?.current ?? null;
  return {
    t,
    phase: status.phase,
    vip: priority === 'vip' ? current : null,
    normal: priority === 'normal' ? current : null,
    overall: status.throughput?.overall ?? null,
  };
}

/**
 * Keeps every other point (always the first and the last), so a long run still fits in the
 * window: the chart always spans the whole run with a bounded number of points.
 */
export function thinOut(samples: ThroughputSample[]): ThroughputSample[] {
  if (samples.length <= 2) return samples;
  const kept = samples.filter((_, index) => index % 2 === 0);
  const last = samples[samples.length - 1];
  if (kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

/**
 * Adds a snapshot to the series of its run. A new run starts a new series; snapshots that are not
 * newer than the last point are ignored; idle/terminal snapshots are kept only to close the line
 * of a run that was being drawn (one final point), never to start one.
 */
export function appendSample(
  series: ThroughputSeries | undefined,
  runId: string | null,
  sample: ThroughputSample,
  maxPoints = MAX_CHART_POINTS,
): ThroughputSeries {
  const current = series ?? EMPTY_SERIES;
  const active = isActivePhase(sample.phase);
  if (runId !== current.runId) {
    return active ? { runId, samples: [sample] } : { runId, samples: [] };
  }
  const last = current.samples[current.samples.length - 1];
  if (!last) return active ? { runId, samples: [sample] } : current;
  if (sample.t <= last.t) return current;
  if (!active && !isActivePhase(last.phase)) return current;
  const samples = [...current.samples, sample];
  return { runId, samples: samples.length > maxPoints ? thinOut(samples) : samples };
}

/** Rounds an axis maximum up to 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

export interface PlotArea {
  width: number;
  height: number;
  t0: number;
  t1: number;
  yMax: number;
}

/** SVG path for one series; a null value breaks the line instead of drawing a made-up zero. */
export function linePath(
  samples: ThroughputSample[],
  pick: (sample: ThroughputSample) => number | null,
  area: PlotArea,
): string {
  const span = Math.max(area.t1 - area.t0, 1);
  let path = '';
  let penDown = false;
  for (const sample of samples) {
    const value = pick(sample);
    if (value === null || !Number.isFinite(value)) {
      penDown = false;
      continue;
    }
    const x = ((sample.t - area.t0) / span) * area.width;
    const y = area.height - (Math.min(value, area.yMax) / area.yMax) * area.height;
    path += `${penDown ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)} `;
    penDown = true;
  }
  return path.trim();
}
