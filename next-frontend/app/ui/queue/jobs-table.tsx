'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import useSWR from 'swr';
import { keys } from '@/app/lib/api/keys';
import type { QueueJobsPage } from '@pedidos/contract';
import { EMPTY, formatDateTime, formatNumber, shortId } from '@/app/lib/format';
import { DEFAULT_JOB_TYPES, DEFAULT_PAGE_SIZE, JOB_TYPES, PAGE_SIZES, pageRange, type JobType } from '@/app/lib/queue-jobs';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { Pager } from '@/app/ui/common/pager';
import { RetryJobButton } from '@/app/ui/retry/failed-jobs-retry';
import { offsetRange } from '@/app/lib/page-range';


/** Jobs of the chosen states, paged with `start`/`end` (inclusive) as the API expects. */
export function JobsTable({ fallback }: { fallback?: QueueJobsPage }) {
  const { t, locale, timeZone } = useI18n();
  const sizeId = useId();
  const [types, setTypes] = useState<JobType[]>([...DEFAULT_JOB_TYPES]);
  const [pageSize, setPageSize] = useState<number>(DEFAULT_PAGE_SIZE);
  const [start, setStart] = useState(0);
  const { end } = pageRange(start, pageSize);
  const key = types.length ? keys.jobs(types, start, end) : null;
  const isInitialQuery = types.length === JOB_TYPES.length && start === 0 && pageSize === DEFAULT_PAGE_SIZE;
  const { data, error, isLoading } = useSWR<QueueJobsPage>(key, { fallbackData: isInitialQuery ? fallback : undefined });
  const total = data?.total ?? 0;
  const jobs = types.length ? (data?.jobs ?? []) : [];

  const toggleType = (type: JobType) => {
    setStart(0);
    setTypes((current) => (current.includes(type) ? current.filter((t) => t !== type) : JOB_TYPES.filter((t) => t === type || current.includes(t))));
  };

  return (
    <section className="card" aria-labelledby="jobs-title">
      <h2 id="jobs-title" className="card-title">
        {t('queue.jobs')}
      </h2>
      <div className="filters">
        <fieldset className="chip-group">
          <legend>{t('queue.types')}</legend>
          {JOB_TYPES.map((type) => (
            <label key={type} className="chip">
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggleType(type)} data-testid={`job-type-${type}`} />
              {t(`queue.type.${type}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={sizeId} className="small muted">
          {t('queue.pageSize')}
        </label>
        <select
          id={sizeId}
          value={pageSize}
          onChange={(event) => {
            setPageSize(Number(event.target.value));
            setStart(0);
          }}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap" aria-busy={isLoading}>
        <table data-testid="jobs-table">
          <thead>
            <tr>
              <th scope="col">{t('queue.col.id')}</th>
              <th scope="col">{t('queue.col.queue')}</th>
              <th scope="col">{t('queue.col.state')}</th>
              <th scope="col">{t('queue.col.run')}</th>
              <th scope="col" className="num">
                {t('queue.col.range')}
              </th>
              <th scope="col" className="num">
                {t('queue.col.size')}
              </th>
              <th scope="col" className="num">
                {t('queue.col.attempts')}
              </th>
              <th scope="col">{t('queue.col.created')}</th>
              <th scope="col">{t('queue.col.finished')}</th>
              <th scope="col">{t('queue.col.failedReason')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.length === 0 ? (
              <tr>
                <td colSpan={10} className="muted">
                  {error && !data ? t('overview.unavailable') : isLoading ? t('loading') : t('queue.noJobs')}
                </td>
              </tr>
            ) : (
              jobs.map((job) => (
                <tr key={`${job.queue}-${job.id}`} data-state={job.state}>
                  <td className="mono">{String(job.id)}</td>
                  <td>
                    <span className="tag" data-priority={job.queue}>
                      {t(`priority.${job.queue}`)}
                    </span>
                  </td>
                  <td>
                    {(JOB_TYPES as readonly string[]).includes(job.state) || job.state === 'paused' ? t(`queue.type.${job.state as JobType}`) : job.state}
                    <RetryJobButton job={job} />
                  </td>
                  <td className="mono">
                    {job.runId ? (
                      <Link href={`/runs/${encodeURIComponent(job.runId)}`} title={job.runId}>
                        {shortId(job.runId)}
                      </Link>
                    ) : (
                      EMPTY
                    )}
                  </td>
                  <td className="num">
                    {job.from === null || job.from === undefined ? EMPTY : `${formatNumber(locale, job.from)}–${formatNumber(locale, job.to)}`}
                  </td>
                  <td className="num">{formatNumber(locale, job.size)}</td>
                  <td className="num">{formatNumber(locale, job.attemptsMade)}</td>
                  <td>
                    <span className="num nowrap">{formatDateTime(locale, job.timestamp, timeZone)}</span>
                  </td>
                  <td>
                    <span className="num nowrap">{formatDateTime(locale, job.finishedOn, timeZone)}</span>
                  </td>
                  <td className="failed-reason" data-testid={job.failedReason ? 'failed-reason' : undefined}>
                    {job.failedReason || ''}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager
        range={offsetRange(start, end, total)}
        onPrevious={() => setStart(Math.max(0, start - pageSize))}
        onNext={() => setStart(start + pageSize)}
        testId="jobs-range"
      />
    </section>
  );
}
