'use client';

import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LOG_LEVELS, type LogLevel } from '@pedidos/contract';
import { formatClock, formatNumber } from '@/app/lib/format';
import { filterLogLines, MAX_LOG_LINES } from '@/app/lib/log-buffer';
import { useI18n } from '@/app/ui/app-shell/i18n-context';
import { useLogBuffer } from '@/app/ui/app-shell/live-log-buffer';

/** Distance from the bottom (px) under which the view counts as "following" the tail. */
const FOLLOW_THRESHOLD = 24;

/** Live tail of every backend process: level filter, search, pausable auto-scroll, bounded buffer. */
export function LogTail() {
  const { t, locale, timeZone } = useI18n();
  const { data, error } = useLogBuffer();
  const searchId = useId();
  const [levels, setLevels] = useState<LogLevel[]>([...LOG_LEVELS]);
  const [query, setQuery] = useState('');
  const [autoScroll, setAutoScroll] = useState(true);
  const [clearedAt, setClearedAt] = useState<string | null>(null);
  const view = useRef<HTMLDivElement>(null);
  const seenWhilePaused = useRef(0);

  const all = useMemo(
    () => (clearedAt ? (data?.lines ?? []).filter((line) => line.at > clearedAt) : (data?.lines ?? [])),
    [data, clearedAt],
  );
  const shown = useMemo(() => filterLogLines(all, { levels, query }), [all, levels, query]);

  if (autoScroll) seenWhilePaused.current = shown.length;
  const newBelow = autoScroll ? 0 : Math.max(0, shown.length - seenWhilePaused.current);

  useLayoutEffect(() => {
    const element = view.current;
    if (autoScroll && element) element.scrollTop = element.scrollHeight;
  }, [shown, autoScroll]);

  const onScroll = () => {
    const element = view.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD;
    // Scrolling up to read pauses the tail; scrolling back to the bottom resumes it.
    if (atBottom !== autoScroll) setAutoScroll(atBottom);
  };

  const toggleLevel = (level: LogLevel) =>
    setLevels((current) => (current.includes(level) ? current.filter((l) => l !== level) : [...current, level]));

  return (
    <section className="card logs-card" aria-labelledby="logs-title">
      <div>
        <h1 id="logs-title" className="page-title" style={{ marginBottom: 4 }}>
          {t('logs.title')}
        </h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t('logs.description')}
        </p>
      </div>
      <div className="filters">
        <fieldset className="chip-group">
          <legend>{t('logs.level')}</legend>
          {LOG_LEVELS.map((level) => (
            <label key={level} className="chip">
              <input type="checkbox" checked={levels.includes(level)} onChange={() => toggleLevel(level)} data-testid={`log-level-${level}`} />
              {level}
            </label>
          ))}
        </fieldset>
        <label htmlFor={searchId} className="visually-hidden">
          {t('logs.search')}
        </label>
        <input
          id={searchId}
          type="search"
          placeholder={`${t('logs.search')}: ${t('logs.searchPlaceholder')}`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="log-search"
        />
        <div className="button-row">
          <button type="button" className="button" aria-pressed={!autoScroll} onClick={() => setAutoScroll(!autoScroll)} data-testid="log-autoscroll">
            {autoScroll ? t('logs.pauseScroll') : t('logs.resumeScroll')}
          </button>
          <button type="button" className="button" onClick={() => setClearedAt(all[all.length - 1]?.at ?? clearedAt)}>
            {t('logs.clear')}
          </button>
        </div>
      </div>
      <div
        ref={view}
        className="log-view"
        role="log"
        aria-live="off"
        aria-label={t('logs.title')}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="log-view"
        data-lines={shown.length}
      >
        {shown.length === 0 ? (
          <p className="log-empty">{error && !data ? t('overview.unavailable') : all.length === 0 ? t('logs.empty') : t('logs.noMatch')}</p>
        ) : (
          shown.map((line, index) => (
            <div key={`${line.at}-${index}`} className="log-line" data-level={line.level} data-testid="log-line">
              <span className="log-time num">{formatClock(locale, line.at, timeZone)}</span>
              <span className="log-level" data-level={line.level}>
                {line.level}
              </span>
              <span className="log-source" title={line.source}>
                {line.source}
              </span>
              <span className="log-message">{line.message}</span>
            </div>
          ))
        )}
      </div>
      <div className="logs-foot">
        <span className="num">
          {t('logs.count', {
            shown: formatNumber(locale, shown.length),
            total: formatNumber(locale, all.length),
            max: formatNumber(locale, MAX_LOG_LINES),
          })}
        </span>
        {newBelow > 0 ? (
          <button type="button" className="button" onClick={() => setAutoScroll(true)}>
            {t('logs.newLines', { count: newBelow })} ↓
          </button>
        ) : null}
      </div>
    </section>
  );
}
