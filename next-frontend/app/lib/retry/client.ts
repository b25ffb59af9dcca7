import type { Lane as Priority } from '@pedidos/contract';
import { postJson, type ApiConfig } from '../api/client';
import type { DeadLettersRetried, FailedJobsRetried } from '@pedidos/contract';

/** The retry endpoints, bound to one backend. */
export function createRetryCommands(config: ApiConfig) {
  return {
    retryLane: (lane: Priority) => postJson<FailedJobsRetried>(config, `/pedidos/queue/failed/retry?lane=${lane}`),
    retryJob: (lane: Priority, jobId: string) => postJson<FailedJobsRetried>(config, `/pedidos/queue/failed/${lane}/${encodeURIComponent(jobId)}/retry`),
    /** Every failed order of the latest run when `orderIds` is omitted. */
    retryDeadLetters: (orderIds?: readonly string[]) => postJson<DeadLettersRetried>(config, '/pedidos/dead-letters/retry', orderIds ? { orderIds } : undefined),
  };
}
export type RetryCommands = ReturnType<typeof createRetryCommands>;
