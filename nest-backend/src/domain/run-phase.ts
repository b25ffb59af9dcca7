import { IllegalPhaseTransitionError } from './errors';

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

const PIPELINE: Phase[] = ['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'];

/** Every transition the system may make; anything else is a bug or a race, and is refused. */
export const ALLOWED_TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
  IDLE: ['GENERATING'],
  GENERATING: ['ENQUEUE_VIP', 'ABORTED', 'ERROR'],
  ENQUEUE_VIP: ['WAITING_VIP_DRAIN', 'ABORTED', 'ERROR'],
  WAITING_VIP_DRAIN: ['ENQUEUE_NORMAL', 'ABORTED', 'ERROR'],
  ENQUEUE_NORMAL: ['WAITING_NORMAL_DRAIN', 'ABORTED', 'ERROR'],
  WAITING_NORMAL_DRAIN: ['DONE', 'ABORTED', 'ERROR'],
  // Retrying dead letters reopens a finished run: its failed orders are pending again and drain VIP first.
  DONE: ['WAITING_VIP_DRAIN'],
  ABORTED: [],
  ERROR: [],
};

export function canTransition(from: Phase, to: Phase): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: Phase, to: Phase): void {
  if (!canTransition(from, to)) throw new IllegalPhaseTransitionError(from, to);
}

/** A run in one of these phases holds the system: no other run may start, and reset is refused. */
export function isActivePhase(phase: Phase): boolean {
  return PIPELINE.includes(phase);
}

export function isTerminalPhase(phase: Phase): boolean {
  return phase === 'DONE' || phase === 'ABORTED' || phase === 'ERROR';
}

/** The phase that follows `phase` when its work is done. */
export function nextPipelinePhase(phase: Phase): Phase {
  if (phase === 'WAITING_NORMAL_DRAIN') return 'DONE';
  const index = PIPELINE.indexOf(phase);
  if (index < 0) throw new IllegalPhaseTransitionError(phase, phase);
  return PIPELINE[index + 1];
}
