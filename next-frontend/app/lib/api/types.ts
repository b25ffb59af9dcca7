/** Types of the Pedidos REST + Socket.IO contract (docs/api.md). */

export const PHASES = [
  'IDLE',
  'GENERATING',
  'ENQUEUE_VIP',
  'WAITING_VIP_DRAIN',
  'ENQUEUE_NORMAL',
  'WAITING_NORMAL_DRAIN',
  'DONE',
  'ABORTED',
  'ERROR',
] as const;
export type Phase = (typeof PHASES)[number];

export const ACTIVE_PHASES: readonly Phase[] = [
  'GENERATING',
  'ENQUEUE_VIP',
  'WAITING_VIP_DRAIN',
  'ENQUEUE_NORMAL',
  'WAITING_NORMAL_DRAIN',
];
export const TERMINAL_PHASES: readonly Phase[] = ['DONE', 'ABORTED', 'ERROR'];

export type Priority = 'vip' | 'normal';

export interface ProcessingWindow {
  start: string | null;
  end: string | null;
  timeMs: number | null;
  count: number | null;
}

export interface OrderCounts {
  vip: number;
  normal: number;
  failed: number;
  cancelled: number;
}

export interface Throughput {
  vip: number | null;
  normal: number | null;
  overall: number | null;
  current: number | null;
}

/** Body of `GET /pedidos` and payload of the socket `progress` event. */
export interface StatusSnapshot {
  lastRunId: string | null;
  phase: Phase;
  awaitingProcess: boolean;
  generationTimeMs: number | null;
  enqueueVipTimeMs: number | null;
  enqueueNormalTimeMs: number | null;
  processing: { vip: ProcessingWindow | null; normal: ProcessingWindow | null };
  totalTimeMs: number | null;
  counts: OrderCounts;
  throughput: Throughput;
  eta: { estimatedMs: number | null; progressPercent: number | null };
  progress: {
    target: number | null;
    generated: number | null;
    processedTotal: number | null;
    vipTarget: number | null;
    normalTarget: number | null;
  };
  updatedAt: string | null;
}

export interface RunSummary {
  runId: string;
  phase: Phase;
  target: number | null;
  generated: number | null;
  autoProcess: boolean;
  createdAt: string | null;
  finishedAt: string | null;
  errorReason: string | null;
  generationTimeMs: number | null;
  enqueueVipTimeMs: number | null;
  enqueueNormalTimeMs: number | null;
  processing: { vip: ProcessingWindow | null; normal: ProcessingWindow | null };
  totalTimeMs: number | null;
  counts: OrderCounts;
  throughput: Throughput;
}

export interface RunsPage {
  items: RunSummary[];
  page: number;
  limit: number;
  total: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  paused: number;
}

export interface QueueStatus {
  paused: boolean;
  queues: { vip: QueueCounts; normal: QueueCounts };
  totals: QueueCounts;
}

export const JOB_TYPES = ['waiting', 'active', 'failed', 'completed', 'delayed'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export interface QueueJob {
  id: string | number;
  queue: Priority;
  runId: string | null;
  priority: number | string | null;
  from: number | null;
  to: number | null;
  size: number | null;
  attemptsMade: number;
  failedReason?: string | null;
  timestamp: number | string | null;
  processedOn?: number | string | null;
  finishedOn?: number | string | null;
  state: string;
}

export interface QueueJobsPage {
  jobs: QueueJob[];
  total: number;
}

export interface QueueHealth {
  status: 'healthy' | 'degraded' | 'paused' | 'aborted' | 'error';
  reasons: string[];
  phase: Phase;
  runId: string | null;
  paused: boolean;
  stuck: boolean;
  counts: QueueCounts;
  lastProgressAt: string | null;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface LogLine {
  at: string;
  level: LogLevel;
  source: string;
  message: string;
}

export interface PhaseEvent {
  runId: string;
  phase: Phase;
  previous: Phase | null;
  at: string;
}

export interface GenerateResult {
  runId: string;
  phase: Phase;
  target: number;
  autoProcess: boolean;
}
export interface ProcessResult {
  runId: string;
  phase: Phase;
}
export interface CancelResult {
  runId: string;
  phase: Phase;
  counts: OrderCounts;
}
export interface ResetResult {
  deletedOrders: number;
  deletedRuns: number;
}
export const CLEANABLE_STATES = ['completed', 'failed', 'delayed', 'wait', 'paused'] as const;
export type CleanableState = (typeof CLEANABLE_STATES)[number];
export interface CleanResult {
  state: CleanableState;
  removed: number;
}

/** The single error body every endpoint returns. */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  code?: string;
  message: string | string[];
  path?: string;
  timestamp?: string;
}

/** `GET /pedidos/server`: the MongoDB-compatible server and the processing rate of its recent runs. */
export interface ServerProfile {
  server: { kind: 'mongodb' | 'ferretdb'; version: string | null };
  processingRate: { ordersPerSecond: number; runs: number; orders: number } | null;
}

/** One point of a run's recorded throughput series (`GET /pedidos/runs/:runId/report`). */
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

interface ReportWindow {
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
