'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { instantToLocalInput, isOrderId, localInputToInstant, orderHref, searchHref, type OrderSearchParams } from '@/app/lib/orders/search-query';
import { ORDER_STATUSES, PRIORITIES, TIERS } from '@pedidos/contract';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useCommittedRouter } from '@/app/ui/app-shell/navigation-watchdog';

const RANGE_FIELDS = ['createdFrom', 'createdTo', 'processedFrom', 'processedTo'] as const;
type RangeField = (typeof RANGE_FIELDS)[number];

/**
 * The search box and filters. Times are typed in the browser's own time and sent as instants, so the
 * URL (and the API) never depends on a time zone; an order id in the box opens that order.
 */
export function OrderSearchForm({ params }: { params: OrderSearchParams }) {
  const { t } = useI18n();
  const router = useCommittedRouter();
  const id = useId();
  const [ranges, setRanges] = useState<Record<RangeField, string>>({ createdFrom: '', createdTo: '', processedFrom: '', processedTo: '' });
  // The inputs show the URL's instants in the browser's time, known only after hydration.
  useEffect(() => {
    setRanges(Object.fromEntries(RANGE_FIELDS.map((field) => [field, instantToLocalInput(params[field])])) as Record<RangeField, string>);
  }, [params]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const q = text('q');
    if (q && isOrderId(q)) {
      router.push(orderHref(q.toLowerCase()));
      return;
    }
    const next: OrderSearchParams = { q, runId: text('runId'), tier: text('tier'), priority: text('priority'), status: text('status') };
    for (const field of RANGE_FIELDS) next[field] = localInputToInstant(ranges[field]);
    router.push(searchHref(next));
  };

  const select = (name: 'tier' | 'priority' | 'status', options: readonly string[], label: (value: string) => string) => (
    <div className="order-field">
      <label htmlFor={`${id}-${name}`} className="label">
        {t(`orders.${name}`)}
      </label>
      <select id={`${id}-${name}`} name={name} defaultValue={params[name] ?? ''} data-testid={`orders-${name}`}>
        <option value="">{t('orders.any')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {label(option)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="card order-search" role="search" onSubmit={submit} aria-label={t('orders.title')}>
      <div className="order-field order-field-wide">
        <label htmlFor={`${id}-q`} className="label">
          {t('orders.query')}
        </label>
        <input id={`${id}-q`} name="q" type="search" defaultValue={params.q ?? ''} autoComplete="off" data-testid="orders-query" />
        <p className="muted small">{t('orders.queryHint')}</p>
      </div>
      <div className="order-field order-field-wide">
        <label htmlFor={`${id}-runId`} className="label">
          {t('orders.run')}
        </label>
        <input id={`${id}-runId`} name="runId" defaultValue={params.runId ?? ''} autoComplete="off" className="mono" data-testid="orders-run" />
      </div>
      {select('tier', TIERS, (tier) => tier)}
      {select('priority', PRIORITIES, (priority) => priority)}
      {select('status', ORDER_STATUSES, (status) => t(`status.${status as 'pendente'}`))}
      {RANGE_FIELDS.map((field) => (
        <div className="order-field" key={field}>
          <label htmlFor={`${id}-${field}`} className="label">
            {t(`orders.${field}`)}
          </label>
          <input
            id={`${id}-${field}`}
            type="datetime-local"
            step={1}
            value={ranges[field]}
            onChange={(event) => setRanges((current) => ({ ...current, [field]: event.target.value }))}
            data-testid={`orders-${field}`}
          />
        </div>
      ))}
      <div className="button-row order-actions">
        <button type="submit" className="button primary" data-testid="orders-search">
          {t('orders.search')}
        </button>
        <a className="button" href="/orders">
          {t('orders.clear')}
        </a>
      </div>
    </form>
  );
}
