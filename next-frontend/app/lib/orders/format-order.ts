import type { Locale } from '@/app/lib/i18n/locales';
import { EMPTY } from '@/app/lib/format';

const money = new Map<Locale, Intl.NumberFormat>();

/** An order's amount, in reais in both languages ("R$ 1.234,50" / "R$1,234.50"). */
export function formatMoney(locale: Locale, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return EMPTY;
  let format = money.get(locale);
  if (!format) money.set(locale, (format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' })));
  return format.format(value);
}
