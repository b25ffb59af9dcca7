import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { keys } from '@/app/lib/api/keys';
import type { RunReport, RunSummary } from '@pedidos/contract';
import { shortId } from '@/app/lib/format';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackend, fetchBackendData } from '@/app/lib/server/backend';
import { getRuntimeConfig } from '@/app/lib/server/runtime-config';
import { RunActions } from '@/app/ui/audit/run-actions';
import { RunDetail } from '@/app/ui/runs/run-detail';

type Params = Promise<{ runId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ t }, { runId }] = await Promise.all([getRequestI18n(), params]);
  return { title: t('run.title', { runId: shortId(decodeURIComponent(runId)) }) };
}

export default async function RunPage({ params }: { params: Params }) {
  const { runId: rawRunId } = await params;
  const runId = decodeURIComponent(rawRunId);
  const [result, report] = await Promise.all([fetchBackend<RunSummary>(keys.run(runId)), fetchBackendData<RunReport>(keys.runReport(runId))]);
  // The backend answers 400 for an id that cannot exist (not a UUID) and 404 for an unknown one.
  if (!result.ok && (result.status === 404 || result.status === 400)) notFound();
  if (!result.ok) {
    // Said in the page rather than thrown: a thrown server error reaches the browser without its message.
    const { t } = await getRequestI18n();
    return (
      <section className="card error-card" role="alert">
        <h1 className="card-title">{t('error.title')}</h1>
        <p>{t('error.backend', { url: getRuntimeConfig().apiUrl })}</p>
        <p className="mono small">{result.message}</p>
        <a className="button primary" href={`/runs/${encodeURIComponent(runId)}`}>
          {t('error.retry')}
        </a>
      </section>
    );
  }
  return (
    <>
      <RunDetail runId={runId} fallback={result.data} fallbackReport={report ?? null} />
      <RunActions runId={runId} />
    </>
  );
}
