import { ProcessRun, newRun } from '../../../domain/run';
import { Observation } from './alert-rule';

/** A run of 10,000 orders started at t=0, shaped by `changes` (`vip`/`normal`: processed counts). */
export function runAt(changes: Partial<ProcessRun> & { vip?: number; normal?: number } = {}): ProcessRun {
  const { vip = 0, normal = 0, ...rest } = changes;
  return {
    ...newRun('run-1', 10_000, true, new Date(0), 100),
    vipGenerated: 2_500,
    normalGenerated: 7_500,
    generated: 10_000,
    vipEnqueued: 2_500,
    ...rest,
    processing: { vip: { start: null, end: null, count: vip }, normal: { start: null, end: null, count: normal } },
  };
}

/** An observation at `seconds` after t=0. */
export function seen(seconds: number, run: ProcessRun | null | undefined): Observation {
  return { at: new Date(seconds * 1000), run };
}
