import type { LogLevel, LogLine } from '@pedidos/contract';

/** How many log lines the browser keeps; older ones are dropped. */
export const MAX_LOG_LINES = 1000;

const lineKey = (line: LogLine) => `${line.at}|${line.source}|${line.level}|${line.message}`;

/**
 * Merges new lines into the buffer: drops lines already present (the initial fetch and the socket
 * can deliver the same line), keeps time order, and keeps only the newest `max` lines.
 */
export function appendLogLines(buffer: readonly LogLine[] | undefined, incoming: readonly LogLine[], max = MAX_LOG_LINES): LogLine[] {
  const current = buffer ?? [];
  const seen = new Set(current.map(lineKey));
  const fresh = incoming.filter((line) => {
    const key = lineKey(line);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return current as LogLine[];
  const merged = [...current, ...fresh];
  const last = current[current.length - 1];
  // Socket lines almost always arrive in order; sort only when an older line (e.g. from the initial fetch) lands late.
  if (last && fresh.some((line) => line.at < last.at)) {
    merged.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

export interface LogFilter {
  levels: readonly LogLevel[];
  query: string;
}

/** Lines at one of the chosen levels whose message or source contains the query (case-insensitive). */
export function filterLogLines(lines: readonly LogLine[], { levels, query }: LogFilter): LogLine[] {
  const needle = query.trim().toLowerCase();
  return lines.filter(
    (line) =>
      levels.includes(line.level) &&
      (!needle || line.message.toLowerCase().includes(needle) || line.source.toLowerCase().includes(needle)),
  );
}

/** Accepts the socket `log` payload as one line or an array of lines. */
export function toLogLines(payload: unknown): LogLine[] {
  const items = Array.isArray(payload) ? payload : [payload];
  return items.filter(
    (item): item is LogLine =>
      typeof item === 'object' && item !== null && typeof (item as LogLine).message === 'string',
  );
}
