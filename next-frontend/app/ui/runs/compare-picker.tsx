import type { RunSummary } from '@pedidos/contract';
import { formatDateTime, formatNumber, shortId } from '@/app/lib/format';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';

/** A plain GET form (works without JavaScript) to choose runs A and B from the recent history. */
export function ComparePicker({ runs, a, b, t, locale, timeZone }: { runs: RunSummary[]; a?: string; b?: string; t: Translate; locale: Locale; timeZone: string }) {
  const option = (run: RunSummary) => (
    <option key={run.runId} value={run.runId}>
      {shortId(run.runId)} · {t(`phase.${run.phase}`)} · {formatNumber(locale, run.target)} · {formatDateTime(locale, run.createdAt, timeZone)}
    </option>
  );
  return (
    <form className="card compare-form" method="get" action="/runs/compare" aria-label={t('compare.pick')}>
      <label>
        {t('compare.a')}
        <select name="a" defaultValue={a ?? runs[1]?.runId ?? runs[0]?.runId} required>
          {runs.map(option)}
        </select>
      </label>
      <label>
        {t('compare.b')}
        <select name="b" defaultValue={b ?? runs[0]?.runId} required>
          {runs.map(option)}
        </select>
      </label>
      <button type="submit" className="button primary">
        {t('compare.submit')}
      </button>
    </form>
  );
}
