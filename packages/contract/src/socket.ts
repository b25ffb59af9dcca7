import type { AlertChange } from './alerts';
import type { EventMetrics } from './events';
import type { LogLine, PhaseEvent } from './logs';
import type { StatusSnapshot } from './status';

/** Names of the events the server emits on its Socket.IO connection. */
export const SOCKET_EVENTS = {
  phase: 'phase',
  progress: 'progress',
  log: 'log',
  eventMetrics: 'events:metrics',
  alert: 'alert',
} as const;

export interface ServerToClientEvents {
  [SOCKET_EVENTS.phase]: (event: PhaseEvent) => void;
  /** `null` only on the first emit to a new client while the status cannot be read. */
  [SOCKET_EVENTS.progress]: (snapshot: StatusSnapshot | null) => void;
  /** A batch of lines is sent as an array. */
  [SOCKET_EVENTS.log]: (line: LogLine | LogLine[]) => void;
  [SOCKET_EVENTS.eventMetrics]: (metrics: EventMetrics) => void;
  [SOCKET_EVENTS.alert]: (change: AlertChange) => void;
}
