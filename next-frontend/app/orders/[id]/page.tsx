import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { shortId } from '@/app/lib/format';
import { getRequestI18n } from '@/app/lib/i18n/server';
import type { OrderStory } from '@pedidos/contract';
import { fetchBackend } from '@/app/lib/server/backend';
import { getRuntimeConfig } from '@/app/lib/server/runtime-config';
import { OrderStoryView } from '@/app/ui/orders/order-story';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([getRequestI18n(), params]);
  return { title: t('order.title', { id: shortId(decodeURIComponent(id)) }) };
}

/** One order and its story, read once: a finished order does not change, a pending one shows where it stood. */
export default async function OrderPage({ params }: { params: Params }) {
  const id = decodeURIComponent((await params).id);
  const [i18n, result] = await Promise.all([getRequestI18n(), fetchBackend<OrderStory>(`/pedidos/orders/${encodeURIComponent(id)}`, 20_000)]);
  // 400 for an id that cannot exist (not a UUID), 404 for an unknown one.
  if (!result.ok && (result.status === 404 || result.status === 400)) notFound();
  const { t } = i18n;
  if (!result.ok) {
    return (
      <section className="card error-card" role="alert">
        <h1 className="card-title">{t('error.title')}</h1>
        <p>{t('error.backend', { url: getRuntimeConfig().apiUrl })}</p>
        <p className="mono small">{result.message}</p>
        <Link className="button primary" href={`/orders/${encodeURIComponent(id)}`}>
          {t('error.retry')}
        </Link>
      </section>
    );
  }
  return <OrderStoryView story={result.data} {...i18n} />;
}
