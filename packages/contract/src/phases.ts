/** The phases of a run, in pipeline order, then the three it may end in. */
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

/** A run in one of these holds the system: no other run may start, and reset is refused. */
export const ACTIVE_PHASES: readonly Phase[] = ['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'];
export const TERMINAL_PHASES: readonly Phase[] = ['DONE', 'ABORTED', 'ERROR'];

/** An order's priority as orders, jobs and dead letters name it. */
export const PRIORITIES = ['VIP', 'NORMAL'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A queue lane as the queue endpoints and `processing`/`throughput` keys name it. */
export const LANES = ['vip', 'normal'] as const;
export type Lane = (typeof LANES)[number];
