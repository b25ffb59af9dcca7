import { EventLimits } from './event-limits';
import { parseIsoDate, validateBatch, validateEvent } from './event-validation';

const LIMITS: EventLimits = { maxBatch: 3, maxIdLength: 10, maxStringLength: 8, maxDepth: 3, maxEventDataBytes: 120 };
const ARRIVAL = { receivedAt: Date.parse('2026-12-01T10:00:00.000Z'), newId: () => 'made-id' };
const valid = { userId: 'u1', eventType: 'view', sessionId: 's1' };

const problemsOf = (raw: unknown) => {
  const result = validateEvent(raw, LIMITS, ARRIVAL);
  return result.ok ? [] : result.problems.map((problem) => problem.field);
};

describe('validateEvent', () => {
  it('builds the event: a server-made id when none is given, arrival time as occurredAt by default, {} as eventData', () => {
    expect(validateEvent(valid, LIMITS, ARRIVAL)).toEqual({
      ok: true,
      value: { eventId: 'made-id', userId: 'u1', eventType: 'view', sessionId: 's1', eventData: {}, occurredAt: ARRIVAL.receivedAt, receivedAt: ARRIVAL.receivedAt },
    });
    const full = validateEvent({ ...valid, eventId: 'e1', occurredAt: '2026-11-30T08:00:00+01:00', eventData: { product: { id: 'p1', tags: ['a'] }, price: 9.5 } }, LIMITS, ARRIVAL);
    expect(full).toMatchObject({ ok: true, value: { eventId: 'e1', occurredAt: Date.parse('2026-11-30T07:00:00Z'), eventData: { product: { id: 'p1', tags: ['a'] }, price: 9.5 } } });
  });

  it('names missing, empty, blank, non-string and over-long ids', () => {
    expect(problemsOf({ eventType: 'view' })).toEqual(['userId', 'sessionId']);
    expect(problemsOf({ ...valid, userId: '' })).toEqual(['userId']);
    expect(problemsOf({ ...valid, sessionId: ' \t' })).toEqual(['sessionId']);
    expect(problemsOf({ ...valid, userId: 7 })).toEqual(['userId']);
    expect(problemsOf({ ...valid, eventId: 'x'.repeat(11) })).toEqual(['eventId']);
    expect(problemsOf({ ...valid, eventId: null })).toEqual(['eventId']);
    expect(problemsOf({ ...valid, eventId: 'x'.repeat(10) })).toEqual([]);
  });

  it('accepts only the known event types, exactly spelled', () => {
    for (const eventType of ['view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout']) expect(problemsOf({ ...valid, eventType })).toEqual([]);
    for (const eventType of ['click', 'View', '', undefined, 3, ['view']]) expect(problemsOf({ ...valid, eventType })).toEqual(['eventType']);
  });

  it('wants eventData to be a plain object', () => {
    for (const eventData of [[], 'x', 1, null, true]) expect(problemsOf({ ...valid, eventData })).toEqual(['eventData']);
  });

  it('refuses keys that MongoDB would read as operators or paths, at any depth, naming the path', () => {
    expect(problemsOf({ ...valid, eventData: { $gt: 1 } })).toEqual(['eventData.$gt']);
    expect(problemsOf({ ...valid, eventData: { a: { 'b.c': 1 } } })).toEqual(['eventData.a.b.c']);
    expect(problemsOf({ ...valid, eventData: { a: [{ $x: 1 }] } })).toEqual(['eventData.a.0.$x']);
    expect(problemsOf({ ...valid, eventData: { '': 1 } })).toEqual(['eventData.']);
    expect(problemsOf({ ...valid, eventData: { a$: 1, 'b-c': 2 } })).toEqual([]);
  });

  it('limits nesting depth (eventData is level 1), string length and the JSON size', () => {
    expect(problemsOf({ ...valid, eventData: { a: { b: 1 } } })).toEqual([]);
    expect(problemsOf({ ...valid, eventData: { a: { b: { c: 1 } } } })).toEqual([]);
    expect(problemsOf({ ...valid, eventData: { a: { b: { c: {} } } } })).toEqual(['eventData.a.b.c']);
    expect(problemsOf({ ...valid, eventData: { a: [{ b: [1] }] } })).toEqual(['eventData.a.0.b']);
    // An array straight inside an array: not every MongoDB-compatible server stores it (FerretDB 1.24 refuses it).
    expect(problemsOf({ ...valid, eventData: { a: [1, [2]] } })).toEqual(['eventData.a.1']);
    expect(problemsOf({ ...valid, eventData: { a: [1, { b: 2 }] } })).toEqual([]);
    expect(problemsOf({ ...valid, eventData: { s: 'x'.repeat(8) } })).toEqual([]);
    expect(problemsOf({ ...valid, eventData: { s: 'x'.repeat(9) } })).toEqual(['eventData.s']);
    expect(problemsOf({ ...valid, eventData: { ['k'.repeat(9)]: 1 } })).toEqual(['eventData']);
    const wide = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, 'abcdefgh']));
    expect(problemsOf({ ...valid, eventData: wide })).toEqual(['eventData']);
  });

  it('refuses dates that do not parse or are not real calendar times', () => {
    for (const occurredAt of ['2026-12-01', '2026-12-01T10:00Z', '2026-12-01T10:00:00.123456Z', '2024-02-29T00:00:00-03:00']) expect(problemsOf({ ...valid, occurredAt })).toEqual([]);
    for (const occurredAt of ['tomorrow', '2026-02-29', '2026-04-31T00:00:00Z', '2026-00-10', '2026-12-01T24:00:00Z', '2026-12-01T10:60Z', '12/01/2026', '', 1764583200000, null]) {
      expect({ occurredAt, problems: problemsOf({ ...valid, occurredAt }) }).toEqual({ occurredAt, problems: ['occurredAt'] });
    }
    expect(parseIsoDate('2026-12-01T10:00:00.000Z', [])).toBe(Date.parse('2026-12-01T10:00:00.000Z'));
  });

  it('refuses unknown top-level fields and non-objects, and lists every problem of an event at once', () => {
    expect(problemsOf({ ...valid, price: 1 })).toEqual(['price']);
    expect(problemsOf([valid])).toEqual(['event']);
    expect(problemsOf(null)).toEqual(['event']);
    expect(problemsOf({ userId: '', eventType: 'x', sessionId: 1, eventData: [], occurredAt: 'no' })).toEqual(['userId', 'sessionId', 'eventType', 'occurredAt', 'eventData']);
  });
});

describe('validateBatch', () => {
  it('accepts 1 to maxBatch events and builds each', () => {
    const result = validateBatch({ events: [valid, { ...valid, eventId: 'e2' }] }, LIMITS, ARRIVAL);
    expect(result).toMatchObject({ ok: true, value: [{ eventId: 'made-id' }, { eventId: 'e2' }] });
  });

  it('refuses the whole batch for one bad event, giving each problem its index', () => {
    const result = validateBatch({ events: [valid, { ...valid, userId: '' }, valid] }, LIMITS, ARRIVAL);
    expect(result).toEqual({ ok: false, problems: [{ index: 1, field: 'userId', message: expect.any(String) }] });
    const many = validateBatch({ events: [valid, { ...valid, eventType: 'x', eventData: 1 }] }, LIMITS, ARRIVAL);
    expect(many.ok === false && many.problems.map(({ index, field }) => [index, field])).toEqual([
      [1, 'eventType'],
      [1, 'eventData'],
    ]);
  });

  it('refuses bodies that are not { events: [1..maxBatch] }', () => {
    const fieldOf = (raw: unknown) => {
      const result = validateBatch(raw, LIMITS, ARRIVAL);
      return result.ok ? null : result.problems[0].field;
    };
    expect(fieldOf([valid])).toBe('body');
    expect(fieldOf({})).toBe('events');
    expect(fieldOf({ events: valid })).toBe('events');
    expect(fieldOf({ events: [] })).toBe('events');
    expect(fieldOf({ events: [valid, valid, valid, valid] })).toBe('events');
    expect(fieldOf({ events: [valid], extra: 1 })).toBe('extra');
  });

  it('reports at most 50 problems however bad the body is', () => {
    const limits = { ...LIMITS, maxBatch: 1000 };
    const result = validateBatch({ events: Array.from({ length: 1000 }, () => ({})) }, limits, ARRIVAL);
    expect(result.ok === false && result.problems.length).toBe(50);
  });
});
