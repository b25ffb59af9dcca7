import type { Phase } from './phases';

/** One point of a run's recorded throughput series. */
export interface ReportPoint {
  at: string;
  /** Since the run was created. */
  elapsedMs: number;
  vipProcessed: number;
  normalProcessed: number;
  failed: number;
  /** Orders per second over the interval that ends at this point (0 for the first). */
  vipPerSecond: number;
  normalPerSecond: number;
}

export interface ReportWindow {
  start: string | null;
  end: string | null;
  timeMs: number | null;
}

/** `GET /pedidos/runs/:runId/report`: a run's settings, timings, counts and throughput series. */
export interface RunReport {
  runId: string;
  phase: Phase;
  errorReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When this report was made; a running run's figures are as of then. */
  reportedAt: string;
  settings: { target: number; autoProcess: boolean; ordersPerJob: number };
  timings: {
    generationStartedAt: string | null;
    generationEndedAt: string | null;
    generationTimeMs: number | null;
    enqueueVipTimeMs: number | null;
    enqueueNormalTimeMs: number | null;
    vip: ReportWindow;
    normal: ReportWindow;
    totalTimeMs: number | null;
  };
  counts: { generated: number; vipGenerated: number; normalGenerated: number; vipProcessed: number; normalProcessed: number; failed: number; cancelled: number };
  /** Average orders per second of each lane over its processing window, and of both over the run's processing. */
  throughput: { vip: number; normal: number; overall: number };
  series: {
    /** False for a run that ran before series were kept: its points are then its start and end only. */
    recorded: boolean;
    intervalMs: number;
    maxPoints: number;
    recorders: { name: string; since: string }[];
    points: ReportPoint[];
  };
}
