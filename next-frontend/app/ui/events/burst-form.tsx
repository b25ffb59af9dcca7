'use client';

import { Fragment, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSWRConfig } from 'swr';
import { makeBurstEvents, newBurstId } from '@/app/lib/events/burst-events';
import { BURST_LIMITS, DEFAULT_BURST, parseBurst, plannedDurationMs } from '@/app/lib/events/burst-plan';
import { runBurst, type BurstProgress } from '@/app/lib/events/burst-runner';
import { formatRate } from '@/app/lib/events/event-format';
import { eventKeys } from '@/app/lib/events/keys';
import { formatDuration, formatNumber } from '@/app/lib/format';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { Meter } from '@/app/ui/common/meter';
import { describeError } from '@/app/ui/controls/use-command';
import { useEventCommands } from './use-event-metrics';

/**
 * Sends a real burst from this browser: `count` events to `POST /events/batch`, paced to `rate` in
 * chunks every 100 ms, cancellable; shows what the backend accepted and the first refusal.
 */
export function BurstForm({ onRunningChange }: { onRunningChange?: (running: boolean) => void }) {
  const { t, locale } = useI18n();
  const commands = useEventCommands();
  const { mutate } = useSWRConfig();
  const ids = { count: useId(), rate: useId(), hint: useId() };
  const [countText, setCountText] = useState(() => formatNumber(locale, DEFAULT_BURST.count));
  const [rateText, setRateText] = useState(() => formatNumber(locale, DEFAULT_BURST.rate));
  const [progress, setProgress] = useState<BurstProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const running = progress?.state === 'running';

  // Leaving the page stops the burst (requests already sent still complete).
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => onRunningChange?.(running), [running, onRunningChange]);

  const parsed = parseBurst(countText, rateText);
  const invalidText = parsed.ok
    ? null
    : parsed.error === 'count'
      ? t('events.burst.invalid.count', { max: formatNumber(locale, BURST_LIMITS.maxCount) })
      : parsed.error === 'rate'
        ? t('events.burst.invalid.rate', { max: formatNumber(locale, BURST_LIMITS.maxRate) })
        : t('events.burst.invalid.duration', { max: formatDuration(locale, BURST_LIMITS.maxDurationMs) });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok || running) return;
    const abort = new AbortController();
    controller.current = abort;
    const burstId = newBurstId();
    await runBurst(parsed.settings, {
      signal: abort.signal,
      onProgress: setProgress,
      send: async (first, size) => {
        const events = makeBurstEvents({ burstId, first, size, occurredAt: new Date().toISOString() });
        try {
          return (await commands.sendBatch(events)).accepted;
        } catch (error) {
          throw new Error(describeError(error, t));
        }
      },
    });
    controller.current = null;
    void mutate(eventKeys.metrics);
  };

  const fields = [
    { name: 'count', id: ids.count, text: countText, setText: setCountText },
    { name: 'rate', id: ids.rate, text: rateText, setText: setRateText },
  ] as const;

  const percent = progress ? (progress.accepted / progress.count) * 100 : null;
  const summary = progress
    ? t('events.burst.summary', {
        state: t(`events.burst.state.${progress.state}`),
        accepted: formatNumber(locale, progress.accepted),
        count: formatNumber(locale, progress.count),
        failed: formatNumber(locale, progress.failed),
        inFlight: formatNumber(locale, progress.inFlight),
        elapsed: formatDuration(locale, progress.elapsedMs),
        rate: formatRate(locale, progress.elapsedMs > 0 ? (progress.accepted * 1000) / progress.elapsedMs : null),
      })
    : null;

  return (
    <form className="control-group" onSubmit={start} noValidate aria-labelledby={`${ids.count}-legend`}>
      <p id={`${ids.count}-legend`} className="label">
        {t('events.burst.title')}
      </p>
      <p className="muted small">{t('events.burst.description')}</p>
      <div className="burst-fields">
        {fields.map((field) => (
          <Fragment key={field.name}>
            <label htmlFor={field.id} className="small">
              {t(`events.burst.${field.name}`)}
            </label>
            <input
              id={field.id}
              className="num"
              inputMode="numeric"
              autoComplete="off"
              value={field.text}
              disabled={running}
              onChange={(event) => field.setText(event.target.value)}
              aria-invalid={!parsed.ok && (parsed.error === field.name || parsed.error === 'duration')}
              aria-describedby={ids.hint}
              data-testid={`events-burst-${field.name}`}
            />
          </Fragment>
        ))}
      </div>
      <p id={ids.hint} className={invalidText ? 'field-error small' : 'muted small'}>
        {invalidText ?? t('events.burst.hint', { duration: formatDuration(locale, plannedDurationMs(parsed.ok ? parsed.settings : DEFAULT_BURST)) })}
      </p>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={!parsed.ok || running} data-testid="events-burst-start">
          {running ? t('controls.running') : t('events.burst.start')}
        </button>
        <button type="button" className="button" disabled={!running} onClick={() => controller.current?.abort()} data-testid="events-burst-stop">
          {t('events.burst.stop')}
        </button>
      </div>
      <Meter percent={percent} label={t('events.burst.progress')} valueText={summary ?? t('events.burst.none')} testId="events-burst-meter" />
      <p
        role="status"
        aria-live="polite"
        className={progress?.state === 'failed' ? 'field-error small' : 'small'}
        data-testid="events-burst-status"
        data-state={progress?.state ?? 'none'}
        data-accepted={progress?.accepted ?? 0}
        data-failed={progress?.failed ?? 0}
      >
        <span className="num">{summary ?? t('events.burst.none')}</span>
        {progress?.error ? <span className="burst-error">{progress.error}</span> : null}
      </p>
    </form>
  );
}
