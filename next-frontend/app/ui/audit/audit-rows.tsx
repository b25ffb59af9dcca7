'use client';

import Link from 'next/link';
import { outcomeText, outcomeTone, paramsText } from '@/app/lib/audit/audit-format';
import type { AuditEntry } from '@pedidos/contract';
import { formatDateTime, formatNumber, shortId } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { DataTable } from '@/app/ui/common/data-table';

const TONE = { ok: 'done', refused: 'aborted', failed: 'error' } as const;

/** Audit entries as a table: when, what, with what, how it ended, the run, who. */
export function AuditRows({
  entries,
  empty,
  busy,
  showRun = true,
  testId = 'audit-table',
}: {
  entries: AuditEntry[];
  empty: string | null;
  busy?: boolean;
  showRun?: boolean;
  testId?: string;
}) {
  const { t, locale, timeZone } = useI18n();
  const columns = [
    { label: t('audit.col.at') },
    { label: t('audit.col.action') },
    { label: t('audit.col.params') },
    { label: t('audit.col.outcome') },
    ...(showRun ? [{ label: t('audit.col.run') }] : []),
    { label: t('audit.col.client') },
  ];
  return (
    <DataTable testId={testId} busy={busy} empty={entries.length > 0 ? null : empty} columns={columns}>
      {entries.map((entry) => {
        const params = paramsText(entry.params);
        return (
          <tr
            key={entry.id}
            data-testid="audit-row"
            data-action={entry.action}
            data-status={entry.outcome.status}
            data-key-holder={entry.client.keyHolder}
            data-run-id={entry.runId ?? undefined}
          >
            <td>
              <span className="num nowrap">{formatDateTime(locale, entry.at, timeZone)}</span>
            </td>
            <td>
              <span className="mono">{entry.action}</span>
              {entry.action === 'queue-board' ? <div className="mono small muted">{`${entry.method} ${entry.path}`}</div> : null}
            </td>
            <td className="mono small break" title={params}>
              {params || '—'}
            </td>
            <td>
              <span className="badge" data-tone={TONE[outcomeTone(entry.outcome)]} title={entry.outcome.message ?? undefined}>
                <span className="badge-dot" aria-hidden="true" />
                <span className="num">{outcomeText(entry.outcome)}</span>
              </span>
              <div className="small muted num">{t('audit.duration', { ms: formatNumber(locale, entry.outcome.durationMs) })}</div>
            </td>
            {showRun ? (
              <td className="mono">
                {entry.runId ? (
                  <Link href={`/runs/${encodeURIComponent(entry.runId)}`} title={entry.runId}>
                    {shortId(entry.runId)}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            ) : null}
            <td>
              <div>{t(`audit.holder.${entry.client.keyHolder}`)}</div>
              <div className="mono small muted">
                {entry.client.address ?? '—'}
                {entry.client.keyFingerprint ? ` · ${entry.client.keyFingerprint}` : ''}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
