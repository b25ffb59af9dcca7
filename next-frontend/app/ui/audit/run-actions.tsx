'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { auditKey } from '@/app/lib/audit/keys';
import type { AuditPage } from '@pedidos/contract';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { AuditRows } from './audit-rows';

const RUN_ACTIONS_SHOWN = 50;
const REFRESH_MS = 5000;

/** The control requests that touched one run (started, named, or made while it was active), newest first. */
export function RunActions({ runId }: { runId: string }) {
  const { t } = useI18n();
  const { data, error, isLoading } = useSWR<AuditPage>(auditKey(1, RUN_ACTIONS_SHOWN, { runId }), { refreshInterval: REFRESH_MS });
  return (
    <section className="card" style={{ marginTop: 16 }} aria-labelledby="run-actions-title" data-testid="run-actions">
      <div className="run-summary-head">
        <h2 id="run-actions-title" className="card-title">
          {t('audit.run.title')}
        </h2>
        <Link href="/audit" className="small">
          {t('audit.run.all')}
        </Link>
      </div>
      <AuditRows
        testId="run-actions-table"
        showRun={false}
        entries={data?.items ?? []}
        busy={isLoading}
        empty={error && !data ? t('audit.unavailable') : isLoading ? t('loading') : t('audit.run.empty')}
      />
    </section>
  );
}
