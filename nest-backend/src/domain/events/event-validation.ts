import { EVENT_TYPES, EventData, InteractionEvent, isEventType } from './interaction-event';
import { EventLimits } from './event-limits';

/** One reason an event was refused: the field (a path such as `eventData.cart.$set`) and, in a batch, the event's index. */
export interface FieldProblem {
  index?: number;
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** What the API itself adds to an event: the time it arrived, and an id when the client gave none. */
export interface Arrival {
  receivedAt: number;
  newId: () => string;
}

const EVENT_FIELDS = new Set(['userId', 'eventType', 'sessionId', 'eventData', 'eventId', 'occurredAt']);
const ID_FIELDS = ['userId', 'sessionId'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Problems reported per body, so a body of a thousand bad events answers with a readable list. */
const MAX_PROBLEMS = 50;

/** Checks one event as a client sent it and builds the event to queue, or lists every problem found. */
export function validateEvent(raw: unknown, limits: EventLimits, arrival: Arrival): Validated<InteractionEvent> {
  const problems: FieldProblem[] = [];
  if (!isPlainObject(raw)) return fail([{ field: 'event', message: 'an event must be a JSON object' }]);
  for (const key of Object.keys(raw)) {
    if (!EVENT_FIELDS.has(key)) problems.push({ field: key, message: `unknown field ${key}; custom fields belong in eventData` });
  }
  for (const field of ID_FIELDS) checkId(raw[field], field, true, limits, problems);
  checkId(raw.eventId, 'eventId', false, limits, problems);
  if (!isEventType(raw.eventType)) {
    problems.push({ field: 'eventType', message: `eventType must be one of ${EVENT_TYPES.join(', ')}` });
  }
  const occurredAt = raw.occurredAt === undefined ? arrival.receivedAt : parseIsoDate(raw.occurredAt, problems);
  if (raw.eventData !== undefined) checkEventData(raw.eventData, limits, problems);
  if (problems.length > 0) return fail(problems);
  return {
    ok: true,
    value: {
      eventId: (raw.eventId as string | undefined) ?? arrival.newId(),
      userId: raw.userId as string,
      eventType: raw.eventType as InteractionEvent['eventType'],
      sessionId: raw.sessionId as string,
      eventData: (raw.eventData as EventData | undefined) ?? {},
      occurredAt: occurredAt as number,
      receivedAt: arrival.receivedAt,
    },
  };
}

/** Checks a batch body `{ events: [...] }`: one bad event refuses the whole batch, each problem with its index. */
export function validateBatch(raw: unknown, limits: EventLimits, arrival: Arrival): Validated<InteractionEvent[]> {
  if (!isPlainObject(raw)) return fail([{ field: 'body', message: 'the body must be a JSON object { "events": [ … ] }' }]);
  const unknown = Object.keys(raw).filter((key) => key !== 'events');
  if (unknown.length > 0) return fail(unknown.map((key) => ({ field: key, message: `unknown field ${key}; the body holds only events` })));
  const events = raw.events;
  if (!Array.isArray(events)) return fail([{ field: 'events', message: 'events must be an array of events' }]);
  if (events.length < 1 || events.length > limits.maxBatch) {
    return fail([{ field: 'events', message: `events must hold between 1 and ${limits.maxBatch} events (EVENTS_MAX_BATCH); got ${events.length}` }]);
  }
  const accepted: InteractionEvent[] = [];
  const problems: FieldProblem[] = [];
  events.forEach((event, index) => {
    const result = validateEvent(event, limits, arrival);
    if (result.ok) accepted.push(result.value);
    else problems.push(...result.problems.map((problem) => ({ index, ...problem })));
  });
  return problems.length > 0 ? fail(problems) : { ok: true, value: accepted };
}

function checkId(value: unknown, field: string, required: boolean, limits: EventLimits, problems: FieldProblem[]): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string') {
    problems.push({ field, message: value === undefined ? `${field} is required` : `${field} must be a string` });
  } else if (value.trim().length === 0) {
    problems.push({ field, message: `${field} must not be empty` });
  } else if (value.length > limits.maxIdLength) {
    problems.push({ field, message: `${field} must be at most ${limits.maxIdLength} characters` });
  }
}

/** An ISO-8601 date (`2026-12-01`, `2026-12-01T10:00:00.123Z`, with an offset) whose fields are a real calendar time. */
export function parseIsoDate(value: unknown, problems: FieldProblem[], field = 'occurredAt'): number | undefined {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const [year, month, day, hour, minute, second] = (match?.slice(1, 7) ?? []).map((part) => (part === undefined ? 0 : Number(part)));
  const calendar =
    match !== null && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour < 24 && minute < 60 && second < 60;
  const at = calendar ? Date.parse(value as string) : NaN;
  if (Number.isNaN(at)) {
    problems.push({ field, message: `${field} must be an ISO-8601 date such as 2026-12-01T10:00:00.000Z` });
    return undefined;
  }
  return at;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkEventData(value: unknown, limits: EventLimits, problems: FieldProblem[]): void {
  if (!isPlainObject(value)) {
    problems.push({ field: 'eventData', message: 'eventData must be a JSON object' });
    return;
  }
  const before = problems.length;
  walk(value, 'eventData', 1, limits, problems);
  if (problems.length > before) return;
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > limits.maxEventDataBytes) {
    problems.push({ field: 'eventData', message: `eventData must be at most ${limits.maxEventDataBytes} bytes as JSON (EVENTS_MAX_EVENT_DATA_BYTES); got ${bytes}` });
  }
}

/** Keys MongoDB would read as operators or paths, strings over the limit, and nesting deeper than the limit. */
function walk(value: unknown, path: string, depth: number, limits: EventLimits, problems: FieldProblem[]): void {
  if (problems.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength) problems.push({ field: path, message: `strings must be at most ${limits.maxStringLength} characters (EVENTS_MAX_STRING_LENGTH)` });
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push({ field: path, message: 'numbers must be finite' });
    return;
  }
  if (value === null || typeof value === 'boolean') return;
  if (typeof value !== 'object') {
    problems.push({ field: path, message: 'values must be JSON values' });
    return;
  }
  if (depth > limits.maxDepth) {
    problems.push({ field: path, message: `eventData must not nest deeper than ${limits.maxDepth} levels (EVENTS_MAX_DEPTH)` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      // Not every MongoDB-compatible server stores an array straight inside an array (FerretDB 1.24 refuses it),
      // and an event the database refuses could be neither stored nor dead-lettered: refused here instead.
      if (Array.isArray(item)) problems.push({ field: `${path}.${index}`, message: 'an array may not hold an array directly (wrap it in an object)' });
      else walk(item, `${path}.${index}`, depth + 1, limits, problems);
    });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const where = `${path}.${key}`;
    if (key.length === 0) problems.push({ field: where, message: 'keys must not be empty' });
    else if (key.startsWith('$')) problems.push({ field: where, message: "keys must not start with '$'" });
    else if (key.includes('.')) problems.push({ field: where, message: "keys must not contain '.'" });
    else if (key.length > limits.maxStringLength) problems.push({ field: path, message: `keys must be at most ${limits.maxStringLength} characters` });
    else walk(item, where, depth + 1, limits, problems);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function fail<T>(problems: FieldProblem[]): Validated<T> {
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
}
