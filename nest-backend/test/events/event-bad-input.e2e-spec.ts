import fc from 'fast-check';
import { expectCommonErrorShape, rawRequest } from '../support/raw-request';
import { useInProcessApi } from '../support/in-process-suite';
import { anEvent, eventMetrics, postBatch, postEvent, waitForSettled } from './event-client';

const LIMITS = { EVENTS_MAX_BATCH: '50', EVENTS_MAX_DEPTH: '3', EVENTS_MAX_STRING_LENGTH: '64', EVENTS_MAX_ID_LENGTH: '40', EVENTS_MAX_EVENT_DATA_BYTES: '1024', EVENTS_MAX_BODY_BYTES: '65536' };
const NUM_RUNS = 150;

/** [what, the event's fields changed (undefined removes one), the field the 400 must name] */
type BadEvent = [string, Record<string, unknown>, string];

const deep = { a: { b: { c: { d: 1 } } } };
const BAD_EVENTS: BadEvent[] = [
  ['missing userId', { userId: undefined }, 'userId'],
  ['empty userId', { userId: '' }, 'userId'],
  ['blank userId', { userId: '   ' }, 'userId'],
  ['userId not a string', { userId: 42 }, 'userId'],
  ['userId over EVENTS_MAX_ID_LENGTH', { userId: 'u'.repeat(41) }, 'userId'],
  ['missing sessionId', { sessionId: undefined }, 'sessionId'],
  ['empty sessionId', { sessionId: '' }, 'sessionId'],
  ['empty eventId', { eventId: '' }, 'eventId'],
  ['eventId not a string', { eventId: { id: 1 } }, 'eventId'],
  ['missing eventType', { eventType: undefined }, 'eventType'],
  ['unknown eventType', { eventType: 'click' }, 'eventType'],
  ['eventType in another case', { eventType: 'VIEW' }, 'eventType'],
  ['eventData an array', { eventData: [1, 2] }, 'eventData'],
  ['eventData a string', { eventData: 'product=1' }, 'eventData'],
  ['eventData null', { eventData: null }, 'eventData'],
  ['eventData a number', { eventData: 7 }, 'eventData'],
  ['a key starting with $', { eventData: { $set: { admin: true } } }, 'eventData.$set'],
  ['a nested key starting with $', { eventData: { cart: { $where: 'sleep(1000)' } } }, 'eventData.cart.$where'],
  ['a key with a dot', { eventData: { 'price.amount': 10 } }, 'eventData.price.amount'],
  ['nesting deeper than EVENTS_MAX_DEPTH', { eventData: deep }, 'eventData.a.b.c'],
  ['an array straight inside an array', { eventData: { tags: ['a', []] } }, 'eventData.tags.1'],
  ['a string over EVENTS_MAX_STRING_LENGTH', { eventData: { note: 'x'.repeat(65) } }, 'eventData.note'],
  ['eventData over EVENTS_MAX_EVENT_DATA_BYTES', { eventData: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'y'.repeat(60)])) }, 'eventData'],
  ['occurredAt not a date', { occurredAt: 'yesterday' }, 'occurredAt'],
  ['occurredAt on 30 February', { occurredAt: '2026-02-30T10:00:00Z' }, 'occurredAt'],
  ['occurredAt in month 13', { occurredAt: '2026-13-01' }, 'occurredAt'],
  ['occurredAt a number', { occurredAt: 1764590400000 }, 'occurredAt'],
  ['occurredAt empty', { occurredAt: '' }, 'occurredAt'],
  ['an unknown field', { price: 10 }, 'price'],
];

function withChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const event = anEvent();
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete event[key];
    else event[key] = value;
  }
  return event;
}

describe('event intake: bad payloads → 400 naming the field, nothing stored', () => {
  const suite = useInProcessApi('evbad', LIMITS);

  afterEach(async () => {
    // Every case below is refused, so nothing was ever queued or stored.
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(0);
    expect(await eventMetrics(suite.url)).toMatchObject({ accepted: 0, stored: 0, inQueue: 0 });
  });

  it.each(BAD_EVENTS)('POST /events with %s → 400 naming it', async (_what, changes, field) => {
    const answer = await postEvent(suite.url, withChanges(changes));
    expectCommonErrorShape(answer, 400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.details).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
    expect(answer.body.message).toContain(field);
  });

  it.each(BAD_EVENTS)('POST /events/batch with %s at index 3 → 400 naming index and field; the good events are not stored', async (_what, changes, field) => {
    const events = [anEvent(), anEvent(), anEvent(), withChanges(changes), anEvent()];
    const answer = await postBatch(suite.url, events);
    expectCommonErrorShape(answer, 400);
    expect(answer.body.details).toEqual(expect.arrayContaining([{ index: 3, field, message: expect.any(String) }]));
    expect(answer.body.details.every((problem: any) => problem.index === 3)).toBe(true);
    expect(answer.body.message).toContain(`events[3].${field}`);
  });

  it('refuses bad batch bodies: not an object, events missing, not an array, empty, over EVENTS_MAX_BATCH, extra fields', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [unknown, string][] = [
      [{}, 'events'],
      [{ events: 'many' }, 'events'],
      [{ events: {} }, 'events'],
      [{ events: [] }, 'events'],
      [{ events: Array.from({ length: 51 }, () => anEvent()) }, 'events'],
      [{ events: [anEvent()], force: true }, 'force'],
      [{ events: [anEvent(), 'not an event'] }, 'event'],
    ];
    for (const [body, field] of cases) {
      const answer = await rawRequest(suite.url, 'POST', '/events/batch', { headers: json, body: JSON.stringify(body) });
      expectCommonErrorShape(answer, 400);
      expect({ body: JSON.stringify(body).slice(0, 60), field: answer.body.details?.[0]?.field }).toEqual({ body: JSON.stringify(body).slice(0, 60), field });
    }
    for (const body of [[anEvent()], 'text', 5, null]) {
      const answer = await rawRequest(suite.url, 'POST', '/events/batch', { headers: json, body: JSON.stringify(body) });
      expectCommonErrorShape(answer, 400);
    }
    const limits = await postBatch(suite.url, Array.from({ length: 51 }, () => anEvent()));
    expect(limits.body.message).toMatch(/between 1 and 50 events \(EVENTS_MAX_BATCH\); got 51/);
  });

  it('refuses malformed JSON (400), bodies over the limits (413) and query parameters (400)', async () => {
    const json = { 'content-type': 'application/json' };
    for (const path of ['/events', '/events/batch']) {
      for (const body of ['{bad', '{"userId": "u"', '[1,']) {
        const answer = await rawRequest(suite.url, 'POST', path, { headers: json, body });
        expectCommonErrorShape(answer, 400);
        expect(answer.body.code).toBe('MALFORMED_BODY');
      }
    }
    const single = await postEvent(suite.url, anEvent({ eventData: { filler: 'x'.repeat(200 * 1024) } }));
    expectCommonErrorShape(single, 413);
    expect(single.body.code).toBe('PAYLOAD_TOO_LARGE');
    // EVENTS_MAX_BODY_BYTES is 64 kB here: 50 events of ~1.5 kB each are over it.
    const batch = await postBatch(suite.url, Array.from({ length: 50 }, () => anEvent({ eventData: { a: 'x'.repeat(60), b: 'y'.repeat(60), c: 'z'.repeat(60), d: 'w'.repeat(60), e: 'v'.repeat(60), f: 'u'.repeat(60), g: 't'.repeat(60), h: 's'.repeat(60), i: 'r'.repeat(60), j: 'q'.repeat(60), k: 'p'.repeat(60), l: 'o'.repeat(60), m: 'n'.repeat(60), n: 'm'.repeat(60), o: 'l'.repeat(60), p: 'k'.repeat(60), q: 'j'.repeat(60), r: 'i'.repeat(60), s: 'h'.repeat(60), t: 'g'.repeat(60), u: 'f'.repeat(60), v: 'e'.repeat(60) } })));
    expectCommonErrorShape(batch, 413);
    const query = await rawRequest(suite.url, 'POST', '/events?async=false', { headers: json, body: JSON.stringify(anEvent()) });
    expectCommonErrorShape(query, 400);
    expect(query.body.message).toMatch(/property async should not exist/);
  });

  it('refuses bad paging and unknown parameters on the reads, and bad retry bodies', async () => {
    const reads: [string, RegExp][] = [
      ['/events/metrics?verbose=1', /property verbose should not exist/],
      ['/events/dead-letters?page=0', /page must be at least 1/],
      ['/events/dead-letters?limit=1000', /limit must be at most 100/],
      ['/events/dead-letters?limit=x', /limit must be a whole number/],
      ['/events/dead-letters?runId=1', /property runId should not exist/],
    ];
    for (const [path, message] of reads) {
      const answer = await rawRequest(suite.url, 'GET', path);
      expectCommonErrorShape(answer, 400);
      expect(answer.body.message).toMatch(message);
    }
    const json = { 'content-type': 'application/json' };
    for (const body of [{ eventIds: 'all' }, { eventIds: [1, 2] }, { ids: ['a'] }]) {
      const answer = await rawRequest(suite.url, 'POST', '/events/dead-letters/retry', { headers: json, body: JSON.stringify(body) });
      expectCommonErrorShape(answer, 400);
    }
    expect((await rawRequest(suite.url, 'POST', '/events/reset?confirm=1')).status).toBe(400);
  });

  it('property: any query on the event reads answers 200 or 400 (the common shape), never a 5xx', async () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ min: -1000, max: 100_000 }).map(String), fc.constantFrom('', '0', '1', '-1', '1e3', '__proto__', '%'));
    const anyQuery = fc.dictionary(fc.oneof(fc.constantFrom('page', 'limit'), fc.string({ minLength: 1, maxLength: 6 })), anyValue, { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/events/metrics', '/events/dead-letters'), anyQuery, async (path, params) => {
        const query = Object.entries(params).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
        const answer = await rawRequest(suite.url, 'GET', `${path}?${query}`);
        expect([200, 400]).toContain(answer.status);
        if (answer.status === 400) expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', path });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  describe('properties over payloads', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    // Mostly well-formed fields, so that both answers occur often; any JSON value in their place otherwise.
    const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anyJson, weight: 1 });
    const anyEventLike = fc.record(
      {
        eventId: mostly(fc.uuid()),
        userId: mostly(fc.string({ minLength: 1, maxLength: 45 })),
        sessionId: mostly(fc.string({ minLength: 1, maxLength: 45 })),
        eventType: mostly(fc.constantFrom('view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout')),
        eventData: mostly(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 5 })),
        occurredAt: mostly(fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('9999-12-31') }).map((date) => date.toISOString())),
        extra: anyJson,
      },
      { requiredKeys: ['userId', 'sessionId', 'eventType'] },
    );

    it('any event-like body answers 202 or 400 in the common shape (never a 5xx), and exactly the 202s are stored', async () => {
      const acceptedIds = new Set<string>();
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(anyEventLike, async (event) => {
          const answer = await postEvent(suite.url, event);
          expect([202, 400]).toContain(answer.status);
          if (answer.status === 202) {
            accepted++;
            acceptedIds.add(answer.body.eventId);
            expect(typeof event.eventId === 'string' ? answer.body.eventId === event.eventId : true).toBe(true);
          } else {
            expectCommonErrorShape(answer, 400);
            expect(answer.body.details.length).toBeGreaterThan(0);
            for (const problem of answer.body.details) expect(problem).toEqual({ field: expect.any(String), message: expect.any(String) });
          }
        }),
        { numRuns: NUM_RUNS },
      );
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(NUM_RUNS);
      const metrics = await waitForSettled(suite.url, accepted);
      expect(await suite.db.collection('user_interactions').countDocuments()).toBe(acceptedIds.size);
      expect(metrics.stored).toBe(acceptedIds.size);
      expect((await suite.http.post('/events/reset')).status).toBe(200);
    });

    it('a valid batch with one event broken in a listed way is refused whole, naming that index and field', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.nat(), fc.constantFrom(...BAD_EVENTS), async (size, at, [, changes, field]) => {
          const index = at % size;
          const events = Array.from({ length: size }, (_, i) => (i === index ? withChanges(changes) : anEvent()));
          const answer = await postBatch(suite.url, events);
          expect(answer.status).toBe(400);
          expect(answer.body.details).toEqual([{ index, field, message: expect.any(String) }]);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  });
});
