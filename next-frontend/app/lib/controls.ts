import type { Phase } from '@pedidos/contract';
import { isActivePhase } from './phases';

export type ControlAction = 'generate' | 'process' | 'cancel' | 'pause' | 'resume' | 'reset' | 'clean';

export interface ControlContext {
  phase: Phase | null | undefined;
  awaitingProcess: boolean | null | undefined;
  /** Whether the queue is paused, from `GET /pedidos/queue/status`; undefined while unknown. */
  queuePaused?: boolean;
}

/**
 * Which actions the API accepts in the current state (docs/api.md):
 * generate and reset only without an active run, process only for a two-step run waiting in
 * GENERATING, cancel/pause/resume only with an active run. Pause and resume are further narrowed
 * by the queue's paused flag when it is known, and resume stays available for a queue left
 * paused after its run ended, so it can never be stuck paused.
 */
export function allowedActions({ phase, awaitingProcess, queuePaused }: ControlContext): Record<ControlAction, boolean> {
  const active = isActivePhase(phase);
  return {
    generate: !active,
    process: phase === 'GENERATING' && awaitingProcess === true,
    cancel: active,
    pause: active && queuePaused !== true,
    resume: (active && queuePaused !== false) || queuePaused === true,
    reset: !active,
    clean: true,
  };
}

/** Actions that destroy data or stop work, so they ask for confirmation first. */
export const DESTRUCTIVE_ACTIONS: readonly ControlAction[] = ['cancel', 'reset', 'clean'];

export const DEFAULT_QUANTITY = 1_000_000;

/**
 * Parses the quantity field, accepting digit grouping typed in either language ("1.000.000", "1,000,000").
 * The upper bound is the backend's to enforce (it answers 400 with a message we show).
 */
export function parseQuantity(raw: string): number | null {
  const digits = raw.replace(/[\s._,\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}
