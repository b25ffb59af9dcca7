import type { Metadata } from 'next';
import { keys } from '@/app/lib/api/keys';
import type { RunReport, RunSummary, RunsPage } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackend, fetchBackendData } from '@/app/lib/server/backend';
import { ComparePicker } from '@/app/ui/runs/compare-picker';
import { RunComparison } from '@/app/ui/runs/run-comparison';
import { RunSeriesOverlay } from '@/app/ui/runs/run-series-overlay';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('compare.title') };
}

type SearchParams = Promise<{ a?: string; b?: string }>;

/** Side-by-side comparison of `?a=` and `?b=`; finished runs do not change, so no live widget here. */
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const [{ t, locale, timeZone }, { a, b }] = await Promise.all([getRequestI18n(), searchParams]);
  const [recent, runA, runB, reportA, reportB] = await Promise.all([
    fetchBackendData<RunsPage>(keys.runs(1, 50)),
    a ? fetchBackend<RunSummary>(keys.run(a)) : undefined,
    b ? fetchBackend<RunSummary>(keys.run(b)) : undefined,
    a ? fetchBackendData<RunReport>(keys.runReport(a)) : undefined,
    b ? fetchBackendData<RunReport>(keys.runReport(b)) : undefined,
  ]);
  const missing = [
    a && runA && !runA.ok ? `${t('compare.missing', { runId: a })} ${runA.status === 404 ? '' : runA.message}` : null,
    b && runB && !runB.ok ? `${t('compare.missing', { runId: b })} ${runB.status === 404 ? '' : runB.message}` : null,
  ].filter(Boolean);

  return (
    <>
      <h1 className="page-title">{t('compare.title')}</h1>
      <ComparePicker runs={recent?.items ?? []} a={a} b={b} t={t} locale={locale} timeZone={timeZone} />
      {missing.length ? (
        <div className="card error-card" role="alert" style={{ marginTop: 16 }}>
          {missing.map((text) => (
            <p key={text} style={{ margin: 0 }}>
              {text}
            </p>
          ))}
        </div>
      ) : null}
      {runA?.ok && runB?.ok ? (
        <div style={{ marginTop: 16 }}>
          <RunComparison a={runA.data} b={runB.data} t={t} locale={locale} />
          {reportA && reportB ? <RunSeriesOverlay a={reportA} b={reportB} t={t} locale={locale} /> : null}
        </div>
      ) : null}
    </>
  );
}
