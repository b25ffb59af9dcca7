import type { Metadata } from 'next';
import { keys } from '@/app/lib/api/keys';
import type { QueueHealth as Health, QueueJobsPage, QueueStatus, StatusSnapshot } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackendData } from '@/app/lib/server/backend';
import { DEFAULT_JOB_TYPES, DEFAULT_PAGE_SIZE } from '@/app/lib/queue-jobs';
import { ControlsOnly } from '@/app/ui/app-shell/controls-only';
import { JobsTable } from '@/app/ui/queue/jobs-table';
import { QueueActions } from '@/app/ui/queue/queue-actions';
import { QueueCounts } from '@/app/ui/queue/queue-counts';
import { QueueHealth } from '@/app/ui/queue/queue-health';
import { FailedJobsRetry, FailedJobsRetryCard } from '@/app/ui/retry/failed-jobs-retry';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('nav.queue') };
}

export default async function QueuePage() {
  const [{ t }, status, health, jobs, latest] = await Promise.all([
    getRequestI18n(),
    fetchBackendData<QueueStatus>(keys.queueStatus),
    fetchBackendData<Health>(keys.queueHealth),
    fetchBackendData<QueueJobsPage>(keys.jobs(DEFAULT_JOB_TYPES, 0, DEFAULT_PAGE_SIZE - 1)),
    fetchBackendData<StatusSnapshot>(keys.status),
  ]);
  return (
    <FailedJobsRetry fallbackStatus={latest}>
      <h1 className="page-title">{t('queue.title')}</h1>
      <div className="queue-grid">
        <QueueCounts fallback={status} />
        <div className="stack">
          <QueueHealth fallback={health} />
          <ControlsOnly note={false}>
            <QueueActions />
            <FailedJobsRetryCard fallbackQueue={status} />
          </ControlsOnly>
        </div>
      </div>
      <div style={{ marginTop: 16 }}>
        <JobsTable fallback={jobs} />
      </div>
    </FailedJobsRetry>
  );
}
