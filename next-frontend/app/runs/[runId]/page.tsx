import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { keys } from '@/app/lib/api/keys';
import type { RunSummary } from '@/app/lib/api/types';
import { shortId } from '@/app/lib/format';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackend } from '@/app/lib/server/backend';
import { RunDetail } from '@/app/ui/runs/run-detail';

type Params = Promise<{ runId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ t }, { runId }] = await Promise.all([getRequestI18n(), params]);
  return { title: t('run.title', { runId: shortId(decodeURIComponent(runId)) }) };
}

export default async function RunPage({ params }: { params: Params }) {
  const { runId: rawRunId } = await params;
  const runId = decodeURIComponent(rawRunId);
  const result = await fetchBackend<RunSummary>(keys.run(runId));
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) {
    const { t } = await getRequestI18n();
    // Shown by error.tsx, with a retry.
    throw new Error(`${t('error.backend', { url: keys.run(runId) })} ${result.message}`);
  }
  return <RunDetail runId={runId} fallback={result.data} />;
}
