import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatNumber } from '@/app/lib/format';
import { getRequestI18n } from '@/app/lib/i18n/server';
import { apiPathOf, isOrderId, orderHref, readSearchParams, searchHref } from '@/app/lib/orders/search-query';
import type { OrderSearchPage } from '@pedidos/contract';
import { fetchBackend } from '@/app/lib/server/backend';
import { getRuntimeConfig } from '@/app/lib/server/runtime-config';
import { OrderSearchForm } from '@/app/ui/orders/order-search-form';
import { OrdersTable } from '@/app/ui/orders/orders-table';
import './orders.css';

const ORDERS_PER_PAGE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getRequestI18n();
  return { title: t('orders.title') };
}

/** The order search: filters in the URL, one server-rendered page of results, and a link to the next one. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = readSearchParams(await searchParams);
  if (params.q && isOrderId(params.q)) redirect(orderHref(params.q.toLowerCase()));
  const [{ t, locale, timeZone }, result] = await Promise.all([getRequestI18n(), fetchBackend<OrderSearchPage>(apiPathOf(params, ORDERS_PER_PAGE), 20_000)]);
  return (
    <>
      <div className="page-head">
        <h1 className="page-title">{t('orders.title')}</h1>
      </div>
      <p className="muted">{t('orders.description')}</p>
      <OrderSearchForm params={params} />
      <section className="card" aria-labelledby="orders-results" style={{ marginTop: 16 }}>
        <h2 id="orders-results" className="card-title">
          {t('orders.results')}
        </h2>
        {result.ok ? (
          <>
            <p className="muted small" data-testid="orders-sorted-by" data-sorted-by={result.data.sortedBy}>
              {t(`orders.sortedBy.${result.data.sortedBy}`)}
            </p>
            <OrdersTable orders={result.data.items} t={t} locale={locale} timeZone={timeZone} />
            <nav className="pager" aria-label={t('orders.results')}>
              <span className="num small muted" data-testid="orders-page-size" data-count={result.data.items.length}>
                {t('orders.pageSize', { count: formatNumber(locale, result.data.items.length) })}
                {result.data.nextCursor ? '' : ` · ${t('orders.lastPage')}`}
              </span>
              <div className="button-row">
                {params.cursor ? (
                  <Link className="button" href={searchHref(params)}>
                    ← {t('orders.firstPage')}
                  </Link>
                ) : null}
                {result.data.nextCursor ? (
                  <Link className="button" href={searchHref(params, result.data.nextCursor)} data-testid="orders-next">
                    {t('orders.nextPage')} →
                  </Link>
                ) : null}
              </div>
            </nav>
          </>
        ) : (
          <p role="alert" className="field-error" data-testid="orders-error">
            {result.status === 400
              ? t('orders.error', { message: result.message })
              : result.status === 503
                ? t('orders.timeout', { message: result.message })
                : t('error.backend', { url: getRuntimeConfig().apiUrl })}
          </p>
        )}
      </section>
    </>
  );
}
