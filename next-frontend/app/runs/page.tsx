import type { Metadata } from 'next';
import { keys } from '@/app/lib/api/keys';
import type { RunsPage as RunsPageBody } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { fetchBackendData } from '@/app/lib/server/backend';
import { RunsTable } from '@/app/ui/runs/runs-table';

const RUNS_PER_PAGE = 20;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('nav.runs') };
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page: rawPage } = await searchParams;
  const page = Math.max(1, Number.parseInt(rawPage ?? '1', 10) || 1);
  const fallback = await fetchBackendData<RunsPageBody>(keys.runs(page, RUNS_PER_PAGE));
  return <RunsTable page={page} limit={RUNS_PER_PAGE} fallback={fallback} />;
}
