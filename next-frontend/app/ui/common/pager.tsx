'use client';

import { useI18n } from '@/app/ui/app-shell/i18n-context';

/** "1–20 of 57" with previous/next buttons under a paged table. */
export function Pager({
  rangeText,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  testId,
}: {
  rangeText: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="pager">
      <span className="num small muted" data-testid={testId}>
        {rangeText}
      </span>
      <div className="button-row">
        <button type="button" className="button" disabled={!hasPrevious} onClick={onPrevious}>
          ← {t('queue.prev')}
        </button>
        <button type="button" className="button" disabled={!hasNext} onClick={onNext}>
          {t('queue.next')} →
        </button>
      </div>
    </div>
  );
}
