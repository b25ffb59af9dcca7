import { Priority } from './order';

/** An order that failed every attempt, kept with the reason until it is retried. */
export interface DeadLetter {
  runId: string;
  orderId: string;
  priority: Priority;
  seq: number;
  reason: string;
  attempts: number;
  failedAt: Date;
  retriedAt: Date | null;
}
