import type { Metadata } from 'next';
import { keys } from '@/app/lib/api/keys';
import type { StatusSnapshot } from '@pedidos/contract';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { DEAD_LETTERS_PER_PAGE, deadLetterKeys } from '@/app/lib/retry/keys';
import type { OrderDeadLettersPage } from '@pedidos/contract';
import { fetchBackendData } from '@/app/lib/server/backend';
import { DeadLetterList } from '@/app/ui/dead-letters/dead-letter-list';
import './dead-letters.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('nav.deadLetters') };
}

/** Orders that failed every attempt, and retrying them: all, a selection, or one. */
export default async function DeadLettersPage() {
  const [{ t }, letters, status] = await Promise.all([
    getRequestI18n(),
    fetchBackendData<OrderDeadLettersPage>(deadLetterKeys.page(1, DEAD_LETTERS_PER_PAGE)),
    fetchBackendData<StatusSnapshot>(keys.status),
  ]);
  return (
    <>
      <h1 className="page-title">{t('deadLetters.title')}</h1>
      <p className="muted dead-letters-lead">{t('deadLetters.description')}</p>
      <DeadLetterList fallback={letters} fallbackStatus={status} />
    </>
  );
}
