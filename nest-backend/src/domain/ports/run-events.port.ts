import { Phase } from '../run-phase';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogLine {
  at: string;
  level: LogLevel;
  source: string;
  message: string;
}

export interface PhaseChange {
  runId: string;
  phase: Phase;
  previous: Phase;
  at: string;
}

export type RunEvent = { type: 'phase'; payload: PhaseChange } | { type: 'log'; payload: LogLine };

/** Events every process publishes and every API process relays to its sockets. */
export abstract class RunEvents {
  abstract publish(event: RunEvent): Promise<void>;
  abstract subscribe(listener: (event: RunEvent) => void): () => void;
}

/** The bounded tail of log lines of all processes. */
export abstract class LogBook {
  abstract append(line: LogLine): Promise<void>;
  abstract tail(lines: number): Promise<LogLine[]>;
  abstract clear(): Promise<void>;
}
