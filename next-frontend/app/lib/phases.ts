import { ACTIVE_PHASES, TERMINAL_PHASES, type Phase, type Lane } from '@pedidos/contract';

export const isActivePhase = (phase: Phase | null | undefined): boolean =>
  !!phase && ACTIVE_PHASES.includes(phase);
export const isTerminalPhase = (phase: Phase | null | undefined): boolean =>
  !!phase && TERMINAL_PHASES.includes(phase);

/**
 * Which priority the workers are draining in a phase. Strict VIP-first means at most one
 * priority is being processed at a time, so the server's current rate belongs to this one.
 */
export function priorityBeingProcessed(phase: Phase | null | undefined): Lane | null {
  if (phase === 'ENQUEUE_VIP' || phase === 'WAITING_VIP_DRAIN') return 'vip';
  if (phase === 'ENQUEUE_NORMAL' || phase === 'WAITING_NORMAL_DRAIN') return 'normal';
  return null;
}

/** Visual tone of a phase badge. */
export function phaseTone(phase: Phase | null | undefined): 'idle' | 'active' | 'done' | 'aborted' | 'error' {
  if (phase === 'DONE') return 'done';
  if (phase === 'ABORTED') return 'aborted';
  if (phase === 'ERROR') return 'error';
  if (isActivePhase(phase)) return 'active';
  return 'idle';
}
