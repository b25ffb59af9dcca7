import { PipelineSettings } from '../../application/pipeline-settings';
import { Environment } from './environment';

export type ProcessRole = 'api' | 'worker';

export function pipelineSettingsFrom(env: Environment, role: ProcessRole): PipelineSettings {
  return new PipelineSettings({
    maxOrders: env.MAX_ORDERS,
    generationChunkSize: env.GENERATION_CHUNK_SIZE,
    ordersPerJob: env.ORDERS_PER_JOB,
    queueConcurrency: env.ORDERS_QUEUE_CONCURRENCY,
    logProgressEveryMs: env.LOG_PROGRESS_EVERY_MS,
    backendLogs: env.BACKEND_LOGS,
    maxAttempts: env.MAX_ATTEMPTS,
    processName: role === 'api' ? 'api' : `worker-${process.pid}`,
    runWorkers: role === 'worker' || env.RUN_WORKERS_IN_API,
    orchestrate: role === 'api',
    failEverySeqMultipleOf: env.FAIL_EVERY_SEQ_MULTIPLE_OF,
  });
}
