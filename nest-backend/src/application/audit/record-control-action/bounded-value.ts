/** Limits of what an audit entry keeps of a request's parameters or an answer. */
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_KEYS = 20;
const MAX_DEPTH = 3;
export const MAX_JSON_LENGTH = 4_000;

/**
 * A copy of `value` small enough to keep: long strings cut, long arrays and objects shortened (saying how much
 * was left out), deep nesting replaced. Only JSON values survive.
 */
export function boundedValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)` : value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((item) => boundedValue(item, depth + 1) ?? null);
    return value.length > MAX_ITEMS ? [...kept, `… ${value.length - MAX_ITEMS} more`] : kept;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  const kept = Object.fromEntries(entries.slice(0, MAX_KEYS).map(([key, item]) => [boundedKey(key), boundedValue(item, depth + 1) ?? null]));
  if (entries.length > MAX_KEYS) kept['…'] = `${entries.length - MAX_KEYS} more keys`;
  return kept;
}

/** `value` bounded, and at most MAX_JSON_LENGTH characters as JSON (else a cut preview of that JSON). */
export function boundedForAudit(value: unknown): unknown {
  const bounded = boundedValue(value) ?? null;
  const json = JSON.stringify(bounded);
  return json.length <= MAX_JSON_LENGTH ? bounded : { truncated: true, preview: json.slice(0, MAX_JSON_LENGTH - 100) };
}

function boundedKey(key: string): string {
  return key.length > MAX_STRING ? `${key.slice(0, MAX_STRING)}…` : key;
}
