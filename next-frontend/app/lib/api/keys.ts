import type { JobState as JobType } from '@pedidos/contract';

/** SWR cache keys: the contract paths themselves, so the fetcher needs nothing else. */
export const keys = {
  status: '/pedidos',
  queueStatus: '/pedidos/queue/status',
  queueHealth: '/pedidos/health/queue',
  server: '/pedidos/server',
  runs: (page: number, limit: number) => `/pedidos/runs?page=${page}&limit=${limit}`,
  run: (runId: string) => `/pedidos/runs/${encodeURIComponent(runId)}`,
  runReport: (runId: string) => `/pedidos/runs/${encodeURIComponent(runId)}/report`,
  runReportCsv: (runId: string) => `/pedidos/runs/${encodeURIComponent(runId)}/report.csv`,
  jobs: (types: readonly JobType[], start: number, end: number) =>
    `/pedidos/queue/jobs?types=${types.join(',')}&start=${start}&end=${end}`,
} as const;

export const isRestKey = (key: unknown): key is string => typeof key === 'string' && key.startsWith('/pedidos');
export const isQueueKey = (key: unknown) =>
  isRestKey(key) && (key.startsWith('/pedidos/queue') || key.startsWith('/pedidos/health'));
export const isRunsKey = (key: unknown) => isRestKey(key) && key.startsWith('/pedidos/runs');
