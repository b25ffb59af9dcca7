import { PipelineSettings } from '../../application/pipeline-settings';
import { Environment } from './environment';

export type ProcessRole = 'api' | 'worker';

export function pipelineSettingsFrom(env: Environment, role: ProcessRole): PipelineSettings {
  return new PipelineSettings(
    env.MAX_ORDERS,
    env.GENERATION_CHUNK_SIZE,
    env.ORDERS_PER_JOB,
    env.ORDERS_QUEUE_CONCURRENCY,
    env.LOG_PROGRESS_EVERY_MS,
    env.BACKEND_LOGS,
    env.MAX_ATTEMPTS,
    role === 'api' ? 'api' : `worker-${process.pid}`,
    role === 'worker' || env.RUN_WORKERS_IN_API,
    role === 'api',
    env.FAIL_EVERY_SEQ_MULTIPLE_OF,
  );
}
