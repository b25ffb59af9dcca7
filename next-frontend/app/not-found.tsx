import Link from 'next/link';
import { getRequestI18n } from '@/app/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getRequestI18n();
  return (
    <section className="card error-card">
      <h1 className="card-title">{t('notFound.title')}</h1>
      <Link className="button" href="/">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
