'use client';

import { useState, type FormEvent } from 'react';
import useSWR from 'swr';
import { AUDIT_PER_PAGE, KNOWN_ACTIONS, auditKey, type AuditFilter } from '@/app/lib/audit/keys';
import type { AuditPage } from '@pedidos/contract';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { Pager } from '@/app/ui/common/pager';
import { AuditRows } from './audit-rows';
import { pageRange } from '@/app/lib/page-range';

/** Audit entries have no socket event of their own; on FerretDB a page reads every entry, so not more often than this. */
const REFRESH_MS = 15_000;

/** The whole audit log, newest first, filtered by action and run, a page at a time. */
export function AuditLog({ fallback }: { fallback?: AuditPage }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const key = auditKey(page, AUDIT_PER_PAGE, filter);
  const unfiltered = page === 1 && !filter.action && !filter.runId;
  const { data, error, isLoading } = useSWR<AuditPage>(key, { fallbackData: unfiltered ? fallback : undefined, refreshInterval: REFRESH_MS });
  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  const range = pageRange(page, AUDIT_PER_PAGE, total);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ action: draft.action?.trim() || undefined, runId: draft.runId?.trim() || undefined });
    setPage(1);
  };
  const clear = () => {
    setDraft({});
    setFilter({});
    setPage(1);
  };

  return (
    <section className="card" aria-labelledby="audit-title">
      <h1 id="audit-title" className="page-title">
        {t('audit.title')}
      </h1>
      <p className="muted small">{t('audit.description')}</p>
      <form className="filters" onSubmit={apply} data-testid="audit-filters">
        <label className="inline-fields">
          <span>{t('audit.filter.action')}</span>
          <input
            list="audit-actions"
            value={draft.action ?? ''}
            onChange={(event) => setDraft((current) => ({ ...current, action: event.target.value }))}
            placeholder={t('audit.filter.all')}
            data-testid="audit-filter-action"
          />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label className="inline-fields">
          <span>{t('audit.filter.runId')}</span>
          <input
            className="mono"
            value={draft.runId ?? ''}
            onChange={(event) => setDraft((current) => ({ ...current, runId: event.target.value }))}
            data-testid="audit-filter-run"
          />
        </label>
        <div className="button-row">
          <button type="submit" className="button primary" data-testid="audit-filter-apply">
            {t('audit.filter.apply')}
          </button>
          <button type="button" className="button" onClick={clear}>
            {t('audit.filter.clear')}
          </button>
        </div>
      </form>
      {error && data === undefined ? (
        <p className="field-error" role="alert">
          {error instanceof Error ? error.message : String(error)}
        </p>
      ) : null}
      <AuditRows entries={items} busy={isLoading} empty={error && !data ? t('audit.unavailable') : isLoading ? t('loading') : t('audit.empty')} />
      <Pager
        testId="audit-range"
        range={range}
        onPrevious={() => setPage((current) => Math.max(1, current - 1))}
        onNext={() => setPage((current) => current + 1)}
      />
    </section>
  );
}
