import type { CountsByType } from '@pedidos/contract';
import { typeMix } from '@/app/lib/events/event-format';
import { EMPTY, formatNumber } from '@/app/lib/format';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';

/** The types of a batch as small colour-keyed tags ("view 12 · search 3"). */
export function TypeMix({ types, t, locale }: { types: CountsByType | undefined; t: Translate; locale: Locale }) {
  const mix = typeMix(types);
  if (mix.length === 0) return <span className="muted">{EMPTY}</span>;
  return (
    <span className="type-mix">
      {mix.map(([type, count]) => (
        <span key={type} className="tag event-tag" data-type={type}>
          {t(`events.type.${type}`)} <span className="num">{formatNumber(locale, count)}</span>
        </span>
      ))}
    </span>
  );
}
