import type { Phase } from './phases';

/** One priority's processing: `end` stays null while the priority is still being processed. */
export interface ProcessingWindow {
  start: string | null;
  end: string | null;
  timeMs: number | null;
  count: number;
}

export interface OrderCounts {
  vip: number;
  normal: number;
  failed: number;
  cancelled: number;
}

/** Orders per second; 0 where no time has passed yet. */
export interface Throughput {
  vip: number;
  normal: number;
  overall: number;
  current: number;
}

/** A run's timings, counts, throughput and ETA at one instant. */
export interface RunFiguresView {
  phase: Phase;
  awaitingProcess: boolean;
  generationTimeMs: number | null;
  enqueueVipTimeMs: number | null;
  enqueueNormalTimeMs: number | null;
  processing: { vip: ProcessingWindow; normal: ProcessingWindow };
  totalTimeMs: number | null;
  counts: OrderCounts;
  throughput: Throughput;
  eta: { estimatedMs: number | null; progressPercent: number };
  progress: { target: number; generated: number; processedTotal: number; vipTarget: number; normalTarget: number };
}

/** Body of `GET /pedidos` and payload of the socket `progress` event. */
export interface StatusSnapshot extends RunFiguresView {
  lastRunId: string | null;
  updatedAt: string;
}

/** One run of `GET /pedidos/runs` and the body of `GET /pedidos/runs/:runId`. */
export interface RunSummary extends RunFiguresView {
  runId: string;
  target: number;
  generated: number;
  autoProcess: boolean;
  createdAt: string;
  finishedAt: string | null;
  errorReason: string | null;
}

export interface RunsPage {
  items: RunSummary[];
  page: number;
  limit: number;
  total: number;
}

/** `GET /pedidos/server`: the MongoDB-compatible server and the processing rate of its recent runs. */
export interface ServerProfile {
  server: { kind: 'mongodb' | 'ferretdb'; version: string | null };
  processingRate: { ordersPerSecond: number; runs: number; orders: number } | null;
}

/** `GET /pedidos/access`: what the key of the request may do. */
export interface AccessView {
  role: 'write' | 'read';
  controlsNeedKey: boolean;
  readsNeedKey: boolean;
}
