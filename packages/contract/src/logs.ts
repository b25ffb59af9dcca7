import type { Phase } from './phases';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogLine {
  at: string;
  level: LogLevel;
  source: string;
  message: string;
}

/** `GET /pedidos/logs`. */
export interface LogsBody {
  lines: LogLine[];
}

/** Payload of the socket `phase` event. */
export interface PhaseEvent {
  runId: string;
  phase: Phase;
  previous: Phase | null;
  at: string;
}
