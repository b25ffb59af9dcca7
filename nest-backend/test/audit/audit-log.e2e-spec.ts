import { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import { Environment } from '../../src/infrastructure/config/environment';
import { expectCommonErrorShape, rawRequest } from '../support/raw-request';
import { openDatabase, startInProcessApi, waitUntil } from '../support/running-api';
import { dropTestData, testEnvironment } from '../support/test-environment';

const API_KEY = 'audit-write-key-0123';
const READ_KEY = 'audit-read-key-0123';
const WRONG_KEY = 'audit-wrong-key-0123';
const basic = (password: string) => `Basic ${Buffer.from(`operator:${password}`).toString('base64')}`;

interface Step {
  method: string;
  path: string;
  key?: string;
  headers?: Record<string, string>;
  body?: unknown;
  expect: { action: string; status: number; code: string | null; keyHolder: string };
}

/** The API in this process with both keys, its database, and the audit log as a client reads it. */
function useAuditedApi(suite: string, overrides: Record<string, string>) {
  const context = {} as { env: Environment; app: INestApplication; url: string; db: Db; close: () => Promise<void> };
  beforeAll(async () => {
    context.env = testEnvironment(suite, { MAX_ORDERS: '1000', ...overrides });
    ({ app: context.app, url: context.url } = await startInProcessApi(context.env));
    ({ db: context.db, close: context.close } = await openDatabase(context.env));
  });
  afterAll(async () => {
    await context.app?.close();
    await context.close?.();
    if (context.env) await dropTestData(context.env);
  });
  const send = (step: Pick<Step, 'method' | 'path' | 'key' | 'headers' | 'body'>) =>
    rawRequest(context.url, step.method, step.path, {
      headers: { ...(step.key ? { 'x-api-key': step.key } : {}), ...(step.body === undefined ? {} : { 'content-type': 'application/json' }), ...step.headers },
      body: step.body === undefined ? undefined : JSON.stringify(step.body),
    });
  const audit = async (query = '', key = READ_KEY) => {
    const answer = await rawRequest(context.url, 'GET', `/pedidos/audit${query}`, { headers: { 'x-api-key': key } });
    expect(answer.status).toBe(200);
    return answer.body as { items: any[]; total: number; page: number; limit: number };
  };
  return { context, send, audit };
}

describe('audit log: every control request, with its outcome and client', () => {
  const { context, send, audit } = useAuditedApi('audit', { API_KEY, READ_API_KEY: READ_KEY });
  const sent: Array<Step & { answer: { status: number; body: any } }> = [];
  let firstRun = '';
  let secondRun = '';

  const run = async (step: Step) => {
    const answer = await send(step);
    expect({ path: step.path, status: answer.status }).toEqual({ path: step.path, status: step.expect.status });
    sent.push({ ...step, answer });
    return answer;
  };
  const status = async () => (await rawRequest(context.url, 'GET', '/pedidos', { headers: { 'x-api-key': READ_KEY } })).body;
  const write = (method: string, path: string, action: string, expected: number, code: string | null = null, body?: unknown): Step => ({
    method,
    path,
    key: API_KEY,
    body,
    expect: { action, status: expected, code, keyHolder: 'write' },
  });

  it('records each action (generate, process, pause, resume, clean, cancel, reset, both dead-letter retries, event reset, Bull Board) and each refusal', async () => {
    firstRun = (await run(write('POST', '/pedidos/generate?quantity=200&autoProcess=false', 'generate', 202))).body.runId;
    await waitUntil(async () => (await status()).awaitingProcess === true, 60_000, 'the two-step run to wait for process');
    await run(write('POST', '/pedidos/generate?quantity=10', 'generate', 409, 'RUN_ALREADY_ACTIVE'));
    await run(write('POST', '/pedidos/queue/pause', 'queue.pause', 200));
    await run(write('POST', '/pedidos/queue/resume', 'queue.resume', 200));
    await run(write('POST', '/pedidos/process', 'process', 202));
    await waitUntil(async () => (await status()).phase === 'DONE', 60_000, 'the run to finish');
    await run(write('POST', '/pedidos/process', 'process', 409, 'NOTHING_TO_PROCESS'));
    await run(write('POST', '/pedidos/queue/clean?state=completed', 'queue.clean', 200));
    await run(write('POST', '/pedidos/dead-letters/retry', 'dead-letters.retry', 409, 'NOTHING_TO_PROCESS'));
    await run(write('POST', '/pedidos/cancel', 'cancel', 409, 'NO_ACTIVE_RUN'));
    await run(write('POST', '/pedidos/generate?quantity=0', 'generate', 400, 'VALIDATION_FAILED'));
    secondRun = (await run(write('POST', '/pedidos/generate?quantity=100&autoProcess=false', 'generate', 202))).body.runId;
    await run(write('POST', '/pedidos/cancel?removePending=true', 'cancel', 200));
    await run(write('POST', '/events/dead-letters/retry', 'events.dead-letters.retry', 202, null, { eventIds: ['never-seen-1', 'never-seen-2'] }));
    await run(write('POST', '/events/reset', 'events.reset', 200));
    await run({ method: 'PUT', path: '/admin/queues/api/queues/orders-vip/pause', headers: { authorization: basic(API_KEY) }, expect: { action: 'queue-board', status: 200, code: null, keyHolder: 'write' } });
    await run({ method: 'PUT', path: '/admin/queues/api/queues/orders-vip/resume', headers: { authorization: basic(READ_KEY) }, expect: { action: 'queue-board', status: 403, code: 'FORBIDDEN', keyHolder: 'read' } });
    await run({ method: 'PUT', path: '/admin/queues/api/queues/orders-vip/resume', headers: { authorization: basic(API_KEY) }, expect: { action: 'queue-board', status: 200, code: null, keyHolder: 'write' } });
    await run(write('POST', '/pedidos/reset', 'reset', 200));
    await run({ method: 'POST', path: '/pedidos/reset', key: READ_KEY, expect: { action: 'reset', status: 403, code: 'FORBIDDEN', keyHolder: 'read' } });
    await run({ method: 'POST', path: '/pedidos/reset', expect: { action: 'reset', status: 401, code: 'UNAUTHORIZED', keyHolder: 'none' } });
    await run({ method: 'POST', path: '/pedidos/reset', key: WRONG_KEY, expect: { action: 'reset', status: 401, code: 'UNAUTHORIZED', keyHolder: 'unknown' } });

    // Entries are written after the answer, off the request's path: wait for the last one.
    const log = await waitUntil(async () => {
      const page = await audit('?limit=100');
      // The count and the page are read at once: wait until both have the last entry.
      return page.total === sent.length && page.items.length === sent.length ? page : null;
    }, 15_000, `${sent.length} audit entries`);
    const oldestFirst = [...log!.items].reverse();
    expect(oldestFirst.map((entry) => [entry.action, entry.outcome.status, entry.outcome.code, entry.client.keyHolder])).toEqual(
      sent.map((step) => [step.expect.action, step.expect.status, step.expect.code, step.expect.keyHolder]),
    );
    for (const [index, entry] of oldestFirst.entries()) {
      expect(entry).toMatchObject({ method: sent[index].method, path: sent[index].path.split('?')[0], client: { address: expect.stringMatching(/127\.0\.0\.1/) } });
      expect(entry.outcome.durationMs).toBeGreaterThanOrEqual(0);
      if (entry.outcome.status >= 400) expect({ message: entry.outcome.message, result: entry.result }).toEqual({ message: sent[index].answer.body.message, result: null });
    }
  });

  it('keeps the parameters, the answer and the run each action touched', async () => {
    const oldestFirst = [...(await audit('?limit=100')).items].reverse();
    const [generate, refused, pause, resume, processed] = oldestFirst;
    expect(generate).toMatchObject({ params: { query: { quantity: '200', autoProcess: 'false' } }, result: { runId: firstRun, target: 200, autoProcess: false }, runId: firstRun });
    // Named by no parameter, these are put down to the run that was active then.
    for (const entry of [refused, pause, resume, processed]) expect(entry.runId).toBe(firstRun);
    expect(pause.result).toMatchObject({ paused: true });
    const cancelled = oldestFirst.find((entry) => entry.action === 'cancel' && entry.outcome.status === 200);
    expect(cancelled).toMatchObject({ runId: secondRun, params: { query: { removePending: 'true' } }, result: { runId: secondRun, phase: 'ABORTED' } });
    const eventsRetry = oldestFirst.find((entry) => entry.action === 'events.dead-letters.retry');
    expect(eventsRetry).toMatchObject({ runId: null, params: { body: { eventIds: ['never-seen-1', 'never-seen-2'] } }, result: { requeued: 0 } });
    expect(oldestFirst.find((entry) => entry.action === 'reset' && entry.outcome.status === 200)).toMatchObject({ runId: null, result: { deletedRuns: 2 } });
  });

  it('fingerprints the key: one per key, never the key itself, in the API or the database', async () => {
    const { items } = await audit('?limit=100');
    const fingerprintsOf = (holder: string) => new Set(items.filter((entry) => entry.client.keyHolder === holder).map((entry) => entry.client.keyFingerprint));
    const [write, read, none, unknown] = ['write', 'read', 'none', 'unknown'].map(fingerprintsOf);
    expect([write.size, read.size, none.size, unknown.size]).toEqual([1, 1, 1, 1]);
    expect(none).toEqual(new Set([null]));
    const distinct = [...write, ...read, ...unknown];
    for (const fingerprint of distinct) expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(distinct).size).toBe(3);

    const stored = JSON.stringify(await context.db.collection('audit_log').find().toArray());
    const served = JSON.stringify(items);
    for (const key of [API_KEY, READ_KEY, WRONG_KEY]) {
      expect(stored).not.toContain(key);
      expect(served).not.toContain(key);
    }
  });

  it('filters by run and by action, newest first, and pages', async () => {
    const ofFirstRun = await audit(`?runId=${firstRun}&limit=100`);
    expect(ofFirstRun.items.map((entry) => entry.action).reverse()).toEqual(['generate', 'generate', 'queue.pause', 'queue.resume', 'process']);
    const resets = await audit('?action=reset');
    expect(resets.items.map((entry) => entry.client.keyHolder)).toEqual(['unknown', 'none', 'read', 'write']);
    expect(resets.total).toBe(4);

    const everything = await audit('?limit=100');
    const times = everything.items.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(everything.total / 4); page++) {
      const answer = await audit(`?page=${page}&limit=4`);
      expect(answer).toMatchObject({ page, limit: 4, total: everything.total });
      paged.push(...answer.items.map((entry) => entry.id));
    }
    expect(paged).toEqual(everything.items.map((entry) => entry.id));

    for (const bad of ['?runId=not-a-uuid', '?action=Not%20An%20Action', '?limit=101', '?page=0', '?who=me']) {
      expectCommonErrorShape(await rawRequest(context.url, 'GET', `/pedidos/audit${bad}`, { headers: { 'x-api-key': READ_KEY } }), 400);
    }
    expectCommonErrorShape(await rawRequest(context.url, 'GET', '/pedidos/audit'), 401);
  });

  it('records nothing for reads and event intake', async () => {
    const before = await context.db.collection('audit_log').countDocuments();
    await rawRequest(context.url, 'GET', '/pedidos', { headers: { 'x-api-key': READ_KEY } });
    const intake = await send({ method: 'POST', path: '/events', body: { userId: 'u1', eventType: 'view', sessionId: 's1' } });
    expect(intake.status).toBe(202);
    // A control request after them: once its entry is there, theirs would be too.
    await send({ method: 'POST', path: '/pedidos/queue/resume', key: API_KEY });
    await waitUntil(async () => (await audit()).items[0]?.action === 'queue.resume', 15_000, 'the resume entry');
    expect(await context.db.collection('audit_log').countDocuments()).toBe(before + 1);
  });
});

describe('audit log: bounded, and never in the way of an action', () => {
  const MAX = 100;
  const { context, send, audit } = useAuditedApi('audit_cap', { API_KEY, AUDIT_MAX_ENTRIES: String(MAX) });

  it(`keeps at most AUDIT_MAX_ENTRIES (${MAX}) entries, the newest, trimming to 5 % below the cap every 5 % of it in writes`, async () => {
    const sentCount = MAX + 20;
    // Refused (above MAX_ORDERS) and so without side effects; each carries its own quantity.
    for (let i = 1; i <= sentCount; i++) expect((await send({ method: 'POST', path: `/pedidos/generate?quantity=${1000 + i}`, key: API_KEY })).status).toBe(400);
    const newest = (page: { items: any[] }) => Number(page.items[0]?.params.query.quantity);
    const kept = await waitUntil(async () => {
      const page = await audit('?limit=100', API_KEY);
      // The last check's trim may still run after the last write: wait for the log to settle under the cap.
      return newest(page) === 1000 + sentCount && page.total === page.items.length && page.total <= MAX ? page : null;
    }, 30_000, 'the last entry, and the log trimmed');
    // Checks every 5 writes trim to 95: after 120 writes the log holds 95 to 100 entries.
    expect(kept!.total).toBeGreaterThanOrEqual(MAX - MAX / 20);
    expect(kept!.total).toBeLessThanOrEqual(MAX);
    expect(await context.db.collection('audit_log').countDocuments()).toBe(kept!.total);
    const quantities = kept!.items.map((entry) => Number(entry.params.query.quantity));
    expect(quantities).toEqual(Array.from({ length: kept!.total }, (_, i) => 1000 + sentCount - i));
  });

  it('answers and acts when the audit write fails, and goes on recording afterwards', async () => {
    const log = context.db.collection('audit_log');
    await log.deleteMany({});
    // A real refusal by the database: a second entry for the same path breaks this unique index.
    await log.createIndex({ path: 1 }, { unique: true, name: 'test_one_entry_per_path' });
    try {
      expect((await send({ method: 'POST', path: '/pedidos/queue/pause', key: API_KEY })).status).toBe(200);
      await waitUntil(async () => (await log.countDocuments({ path: '/pedidos/queue/pause' })) === 1, 15_000, 'the first pause entry');
      await send({ method: 'POST', path: '/pedidos/queue/resume', key: API_KEY });
      const refused = await send({ method: 'POST', path: '/pedidos/queue/pause', key: API_KEY });
      expect(refused.status).toBe(200);
      expect(refused.body.paused).toBe(true);
      expect((await rawRequest(context.url, 'GET', '/pedidos/queue/status')).body.paused).toBe(true);
      await send({ method: 'POST', path: '/pedidos/queue/clean?state=failed', key: API_KEY });
      await waitUntil(async () => (await log.countDocuments({ path: '/pedidos/queue/clean' })) === 1, 15_000, 'the entry written after the failed one');
      expect(await log.countDocuments({ path: '/pedidos/queue/pause' })).toBe(1);
    } finally {
      await log.dropIndex('test_one_entry_per_path');
    }
  });
});
