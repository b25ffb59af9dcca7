import type { Phase } from '@pedidos/contract';
import { formatDuration } from '@/app/lib/format';
import type { Translate } from '@/app/lib/i18n/dictionary';
import type { Locale } from '@/app/lib/i18n/locales';
import { timelineSegments, type TimelineStage } from '@/app/lib/timeline';

/** What the bar reads of a run: the live status and a stored run both have it. */
interface TimedRun {
  phase: Phase | null | undefined;
  generationTimeMs: number | null | undefined;
  processing?: { vip?: { timeMs: number | null }; normal?: { timeMs: number | null } } | null;
}

interface TimelineBarProps {
  t: Translate;
  locale: Locale;
  run: TimedRun;
}

/** Generation, VIP and NORMAL as proportional segments, each labelled with its duration. */
export function TimelineBar({ t, locale, run }: TimelineBarProps) {
  const durations: Record<TimelineStage, number | null | undefined> = {
    generation: run.generationTimeMs,
    vip: run.processing?.vip?.timeMs,
    normal: run.processing?.normal?.timeMs,
  };
  const segments = timelineSegments(durations, run.phase);
  const anyTime = segments.some((segment) => segment.widthPercent > 0);
  return (
    <figure className="timeline" aria-label={t('timeline.title')}>
      <div className="timeline-bar" aria-hidden="true">
        {anyTime ? (
          segments
            .filter((segment) => segment.widthPercent > 0)
            .map((segment) => (
              <div
                key={segment.stage}
                className="timeline-segment"
                data-stage={segment.stage}
                data-current={segment.current || undefined}
                style={{ width: `${segment.widthPercent}%` }}
              />
            ))
        ) : (
          <div className="timeline-empty" />
        )}
      </div>
      <figcaption>
        <ul className="timeline-legend">
          {segments.map((segment) => (
            <li key={segment.stage} data-stage={segment.stage} data-testid={`timeline-${segment.stage}`}>
              <span className="swatch" aria-hidden="true" />
              <span className="timeline-name">{t(`timeline.${segment.stage}`)}</span>{' '}
              <span className="num">{formatDuration(locale, segment.ms)}</span>
              {segment.current ? <span className="timeline-current"> · {t('timeline.current')}</span> : null}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
