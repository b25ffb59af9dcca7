import { expectCommonErrorShape, rawRequest } from '../support/raw-request';
import { useInProcessApi } from '../support/in-process-suite';
import { anEvent, eventMetrics, postBatch, postEvent, waitForSettled } from './event-client';

const EVENTS_KEY = 'events-key-0123456';
const API_KEY = 'control-key-0123456';

describe('event intake with EVENTS_API_KEY and API_KEY set', () => {
  const suite = useInProcessApi('evaccess', { EVENTS_API_KEY: EVENTS_KEY, API_KEY, RATE_LIMIT_PER_MINUTE: '1000' });

  it('refuses intake without a key or with a wrong one (401, common shape), and queues nothing', async () => {
    const wrongHeaders: Record<string, string>[] = [{}, { 'x-events-key': 'wrong-key-0000' }, { 'x-events-key': `${EVENTS_KEY}x` }, { 'x-api-key': 'wrong-key-0000' }, { 'x-events-key': API_KEY }];
    for (const headers of wrongHeaders) {
      for (const answer of [await postEvent(suite.url, anEvent(), headers), await postBatch(suite.url, [anEvent(), anEvent()], headers)]) {
        expectCommonErrorShape(answer, 401);
        expect(answer.body.code).toBe('UNAUTHORIZED');
        expect(answer.body.message).toMatch(/x-events-key/);
        expect(answer.text).not.toContain(EVENTS_KEY);
      }
    }
    // The key is checked before the body: a bad event without the key learns nothing about the rules.
    expect((await postEvent(suite.url, { userId: '' })).status).toBe(401);
    expect(await eventMetrics(suite.url)).toMatchObject({ accepted: 0 });
  });

  it('accepts x-events-key, and x-api-key holding API_KEY (the dashboard), and stores those events', async () => {
    const byEventsKey = await postEvent(suite.url, anEvent(), { 'x-events-key': EVENTS_KEY });
    const byApiKey = await postBatch(suite.url, [anEvent(), anEvent()], { 'x-api-key': API_KEY });
    expect([byEventsKey.status, byApiKey.status]).toEqual([202, 202]);
    await waitForSettled(suite.url, 3);
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(3);
  });

  it('keeps the control endpoints behind API_KEY (the events key does not open them) and the reads open', async () => {
    for (const path of ['/events/reset', '/events/dead-letters/retry']) {
      const notTheControlKey: Record<string, string>[] = [{}, { 'x-events-key': EVENTS_KEY }, { 'x-api-key': EVENTS_KEY }];
      for (const headers of notTheControlKey) {
        const refused = await rawRequest(suite.url, 'POST', path, { headers });
        expectCommonErrorShape(refused, 401);
        expect(refused.body.message).toMatch(/x-api-key/);
      }
    }
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(3);
    for (const path of ['/events/metrics', '/events/dead-letters']) expect({ path, status: (await rawRequest(suite.url, 'GET', path)).status }).toEqual({ path, status: 200 });
    const retried = await rawRequest(suite.url, 'POST', '/events/dead-letters/retry', { headers: { 'x-api-key': API_KEY } });
    expect(retried).toMatchObject({ status: 202, body: { requeued: 0 } });
    const reset = await rawRequest(suite.url, 'POST', '/events/reset', { headers: { 'x-api-key': API_KEY } });
    expect(reset).toMatchObject({ status: 200, body: { deletedEvents: 3, deletedDeadLetters: 0 } });
  });

  it('documents the events key on the intake operations and lets browsers send it', async () => {
    const openApi = (await rawRequest(suite.url, 'GET', '/docs-json')).body;
    expect(openApi.components.securitySchemes['events-key']).toEqual({ type: 'apiKey', in: 'header', name: 'x-events-key' });
    expect(openApi.paths['/events'].post.security).toEqual([{ 'events-key': [] }, { 'api-key': [] }]);
    expect(openApi.paths['/events/batch'].post.security).toEqual([{ 'events-key': [] }, { 'api-key': [] }]);
    expect(openApi.paths['/events/reset'].post.security).toEqual([{ 'api-key': [] }]);
    expect(openApi.paths['/events/metrics'].get.responses['200'].content['application/json'].schema.required).toEqual(expect.arrayContaining(['accepted', 'stored', 'inQueue', 'batches', 'timeline']));
    const preflight = await rawRequest(suite.url, 'OPTIONS', '/events', {
      headers: { origin: 'http://localhost:3001', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-events-key,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-events-key');
  });
});

describe('event intake rate limit (EVENTS_RATE_LIMIT_PER_MINUTE, counted in events)', () => {
  const LIMIT = 30;
  const CONTROL_LIMIT = 2;
  const suite = useInProcessApi('evlimit', { EVENTS_RATE_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_PER_MINUTE: String(CONTROL_LIMIT) });

  it('answers 429 with Retry-After once a client has sent the limit in events, single and batch together; nothing over it is queued', async () => {
    expect((await postBatch(suite.url, Array.from({ length: 25 }, () => anEvent()))).status).toBe(202);
    for (let i = 0; i < 5; i++) expect((await postEvent(suite.url, anEvent())).status).toBe(202);

    const single = await postEvent(suite.url, anEvent());
    expectCommonErrorShape(single, 429);
    expect(single.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining(`at most ${LIMIT} a minute`) });
    expect(Number(single.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postBatch(suite.url, [anEvent()])).status).toBe(429);
    await waitForSettled(suite.url, LIMIT);
    expect(await suite.db.collection('user_interactions').countDocuments()).toBe(LIMIT);
  });

  it('intake requests do not use up the control limit, which still applies to the control endpoints', async () => {
    // The control limit (2 a minute) is untouched by the intake requests above: both control POSTs pass.
    expect((await rawRequest(suite.url, 'POST', '/events/dead-letters/retry')).status).toBe(202);
    expect((await rawRequest(suite.url, 'POST', '/events/dead-letters/retry')).status).toBe(202);
    expect((await rawRequest(suite.url, 'POST', '/events/dead-letters/retry')).status).toBe(429);
    expect(await eventMetrics(suite.url)).toMatchObject({ accepted: LIMIT });
  });
});
