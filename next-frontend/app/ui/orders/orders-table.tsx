import Link from 'next/link';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import { formatDateTime, shortId } from '@/app/lib/format';
import { formatMoney } from '@/app/lib/orders/format-order';
import { orderHref } from '@/app/lib/orders/search-query';
import type { OrderView } from '@pedidos/contract';
import { DataTable } from '@/app/ui/common/data-table';

/** One page of found orders; each row links to the order's page. */
export function OrdersTable({ orders, t, locale, timeZone }: { orders: OrderView[]; t: Translate; locale: Locale; timeZone: string }) {
  const columns = [
    { label: t('orders.col.id') },
    { label: t('orders.col.cliente') },
    { label: t('orders.col.tier') },
    { label: t('orders.col.status') },
    { label: t('orders.col.valor'), num: true },
    { label: t('orders.col.createdAt') },
    { label: t('orders.col.processedAt') },
    { label: t('orders.col.run') },
  ];
  return (
    <DataTable columns={columns} testId="orders-table" empty={orders.length === 0 ? t('orders.empty') : undefined}>
      {orders.map((order) => (
        <tr key={order.id} data-testid="order-row" data-order-id={order.id}>
          <td className="mono">
            <Link href={orderHref(order.id)} title={order.id}>
              {shortId(order.id)}
            </Link>
          </td>
          <td>{order.cliente}</td>
          <td>
            {order.tier} <span className="muted small">{order.priority}</span>
          </td>
          <td data-status={order.status}>{t(`status.${order.status}`)}</td>
          <td className="num">{formatMoney(locale, order.valor)}</td>
          <td className="num nowrap">{formatDateTime(locale, order.createdAt, timeZone)}</td>
          <td className="num nowrap">{formatDateTime(locale, order.processedAt, timeZone)}</td>
          <td className="mono">
            <Link href={`/runs/${encodeURIComponent(order.runId)}`} title={order.runId}>
              {shortId(order.runId)}
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
