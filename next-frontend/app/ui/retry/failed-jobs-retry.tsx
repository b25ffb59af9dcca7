'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { Lane as Priority, QueueJob, QueueStatus, StatusSnapshot } from '@pedidos/contract';
import { formatNumber, shortId } from '@/app/lib/format';
import { retryBlock, type RetryBlock } from '@/app/lib/retry/eligibility';
import type { FailedJobsRetried } from '@pedidos/contract';
import { ControlsOnly } from '@/app/ui/app-shell/controls-only';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { ConfirmDialog } from '@/app/ui/common/confirm-dialog';
import { CommandResult } from '@/app/ui/controls/command-result';
import { useCommand, type CommandOutcome } from '@/app/ui/controls/use-command';
import { RETRY_BLOCK_TEXT, useLatestRun, useRetryCommands } from './use-retry';

type Confirming = { kind: 'lane'; lane: Priority; count: number } | { kind: 'job'; job: QueueJob };

interface FailedJobsRetryValue {
  ask: (what: Confirming) => void;
  /** Why a job of `runId` (any of the lane's when absent) cannot be retried now. */
  blockFor: (runId?: string | null) => RetryBlock | null;
  busy: boolean;
  outcome: CommandOutcome | null;
}

const FailedJobsRetryContext = createContext<FailedJobsRetryValue | null>(null);
const LANES: Priority[] = ['vip', 'normal'];

/**
 * Retrying failed jobs on the queue page: the lane buttons (FailedJobsRetryCard) and the jobs table's row
 * buttons (RetryJobButton) share one confirmation dialog and one result, which says how many jobs and orders moved.
 */
export function FailedJobsRetry({ fallbackStatus, children }: { fallbackStatus?: StatusSnapshot; children: ReactNode }) {
  const { t, locale } = useI18n();
  const commands = useRetryCommands();
  const command = useCommand();
  const latest = useLatestRun(fallbackStatus);
  const [confirming, setConfirming] = useState<Confirming | null>(null);

  const describe = (result: FailedJobsRetried) =>
    t(result.skipped > 0 ? 'result.retryJobs.skipped' : 'result.retryJobs', {
      jobs: result.jobs,
      requeued: result.requeued,
      skipped: result.skipped,
      runId: shortId(result.runId),
    });

  const confirm = () => {
    const target = confirming;
    setConfirming(null);
    if (target?.kind === 'lane') void command.run('retryLane', () => commands.retryLane(target.lane), describe);
    if (target?.kind === 'job') void command.run('retryJob', () => commands.retryJob(target.job.queue, String(target.job.id)), describe);
  };

  const value: FailedJobsRetryValue = {
    ask: setConfirming,
    blockFor: (runId) => retryBlock(latest, runId),
    busy: command.pending !== null,
    outcome: command.outcome,
  };
  const runId = shortId(confirming?.kind === 'job' ? confirming.job.runId : latest?.lastRunId);

  return (
    <FailedJobsRetryContext.Provider value={value}>
      {children}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.kind === 'job' ? t('confirm.title.retryJob') : t('confirm.title.retryLane', { lane: t(`priority.${confirming?.lane ?? 'vip'}`) })}
        confirmLabel={t('confirm.confirm')}
        dismissLabel={t('confirm.dismiss')}
        onConfirm={confirm}
        onDismiss={() => setConfirming(null)}
      >
        <p data-testid="retry-confirm-body">
          {confirming?.kind === 'job'
            ? t('confirm.body.retryJob', {
                jobId: String(confirming.job.id),
                lane: t(`priority.${confirming.job.queue}`),
                from: formatNumber(locale, confirming.job.from),
                to: formatNumber(locale, confirming.job.to === null ? null : confirming.job.to - 1),
                runId,
              })
            : t('confirm.body.retryLane', { count: formatNumber(locale, confirming?.count ?? 0), lane: t(`priority.${confirming?.lane ?? 'vip'}`), runId })}
        </p>
      </ConfirmDialog>
    </FailedJobsRetryContext.Provider>
  );
}

/** A lane's "retry every failed job" button, with the lane's failed count, and the result of the last retry. */
export function FailedJobsRetryCard({ fallbackQueue }: { fallbackQueue?: QueueStatus }) {
  const { t } = useI18n();
  const retry = useContext(FailedJobsRetryContext);
  const { data: queue } = useSWR<QueueStatus>(keys.queueStatus, { fallbackData: fallbackQueue });
  if (!retry) return null;
  const block = retry.blockFor();
  return (
    <section className="card controls" aria-labelledby="retry-failed-title">
      <h2 id="retry-failed-title" className="card-title">
        {t('retry.failed.title')}
      </h2>
      <p className="muted small">{t('retry.failed.description')}</p>
      <div className="button-row">
        {LANES.map((lane) => {
          const count = queue?.queues?.[lane]?.failed ?? 0;
          return (
            <button
              key={lane}
              type="button"
              className="button"
              disabled={retry.busy || block !== null || count === 0}
              onClick={() => retry.ask({ kind: 'lane', lane, count })}
              data-testid={`retry-lane-${lane}`}
              data-count={count}
            >
              {t('retry.failed.lane', { count, lane: t(`priority.${lane}`) })}
            </button>
          );
        })}
      </div>
      {block ? <p className="muted small" data-testid="retry-blocked" data-reason={block}>{t(RETRY_BLOCK_TEXT[block])}</p> : null}
      <CommandResult outcome={retry.outcome} testId="retry-result" />
    </section>
  );
}

/** The jobs table's retry button for a failed job (nothing for other jobs, or outside FailedJobsRetry). */
export function RetryJobButton({ job }: { job: QueueJob }) {
  const { t } = useI18n();
  const retry = useContext(FailedJobsRetryContext);
  if (!retry || job.state !== 'failed') return null;
  const block = retry.blockFor(job.runId);
  return (
    <ControlsOnly note={false}>
      <button
        type="button"
        className="button row-action"
        disabled={retry.busy || block !== null}
        title={block ? t(RETRY_BLOCK_TEXT[block]) : undefined}
        aria-label={t('retry.job.label', { jobId: String(job.id) })}
        onClick={() => retry.ask({ kind: 'job', job })}
        data-testid="retry-job"
        data-job-id={String(job.id)}
      >
        {t('retry.job')}
      </button>
    </ControlsOnly>
  );
}
