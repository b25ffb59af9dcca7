'use client';

import { formatNumber } from '@/app/lib/format';
import type { PageRange } from '@/app/lib/page-range';
import { useI18n } from '@/app/ui/app-shell/i18n-context';

/** "1–20 of 57" with previous/next buttons under a paged table. */
export function Pager({ range, onPrevious, onNext, testId }: { range: PageRange; onPrevious: () => void; onNext: () => void; testId?: string }) {
  const { t, locale } = useI18n();
  const { from, to, total } = range;
  return (
    <div className="pager">
      <span className="num small muted" data-testid={testId}>
        {t('queue.page', { from: formatNumber(locale, from), to: formatNumber(locale, to), total: formatNumber(locale, total) })}
      </span>
      <div className="button-row">
        <button type="button" className="button" disabled={from <= 1} onClick={onPrevious}>
          ← {t('queue.prev')}
        </button>
        <button type="button" className="button" disabled={to >= total} onClick={onNext}>
          {t('queue.next')} →
        </button>
      </div>
    </div>
  );
}
