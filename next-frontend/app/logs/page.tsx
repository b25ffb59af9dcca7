import type { Metadata } from 'next';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { LogTail } from '@/app/ui/logs/log-tail';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('nav.logs') };
}

/** The tail itself is client-side: it is fed by the socket from the moment the dashboard opened. */
export default function LogsPage() {
  return <LogTail />;
}
