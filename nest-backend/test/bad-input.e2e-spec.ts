import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Db } from 'mongodb';
import { Environment } from '../src/infrastructure/config/environment';
import { dataFingerprint } from './support/data-fingerprint';
import { expectCommonErrorShape, rawRequest } from './support/raw-request';
import { openDatabase, startInProcessApi, waitUntil } from './support/running-api';
import { dropTestData, testEnvironment } from './support/test-environment';

const MAX_ORDERS = 1000;
const NUM_RUNS = 150;

/** [method, path, status, what the message must mention] */
type Case = [string, string, number, RegExp];

const BAD_QUANTITIES = ['abc', '-5', '0', '1.5', '1e3', '0x10', '+5', ' 12', '', 'NaN', 'Infinity', String(MAX_ORDERS + 1), '99999999999999', '123456789012345678901234567890'];

const CASES: Case[] = [
  ...BAD_QUANTITIES.map((quantity): Case => ['POST', `/pedidos/generate?quantity=${encodeURIComponent(quantity)}`, 400, /quantity/]),
  ['POST', '/pedidos/generate?quantity=1&quantity=2', 400, /quantity/],
  ['POST', '/pedidos/generate?quantity=10&autoProcess=maybe', 400, /autoProcess must be true or false/],
  ['POST', '/pedidos/generate?quantity=10&color=blue', 400, /property color should not exist/],
  ['POST', '/pedidos/cancel?purge=perhaps', 400, /purge must be true or false/],
  ['POST', '/pedidos/cancel?removePending=2', 400, /removePending must be true or false/],
  ['POST', '/pedidos/cancel?resetLogs=-1', 400, /resetLogs must be true or false/],
  ['POST', '/pedidos/reset?confirm=false', 400, /property confirm should not exist/],
  ['POST', '/pedidos/process?runId=x', 400, /property runId should not exist/],
  ['POST', '/pedidos/queue/pause?all=1', 400, /property all should not exist/],
  ['POST', '/pedidos/queue/clean?state=bogus', 400, /state must be one of completed, failed, delayed, wait, paused/],
  ['POST', '/pedidos/queue/clean', 400, /state must be one of/],
  ['POST', '/pedidos/queue/clean?state=completed&state=failed', 400, /state must be one of/],
  ['GET', '/pedidos?foo=1', 400, /property foo should not exist/],
  ['GET', '/pedidos/queue/status?verbose=true', 400, /property verbose should not exist/],
  ['GET', '/pedidos/health/queue?deep=1', 400, /property deep should not exist/],
  ['GET', '/pedidos/queue/jobs?types=bogus', 400, /types must be among/],
  ['GET', '/pedidos/queue/jobs?types=', 400, /types must name at least one state/],
  ['GET', '/pedidos/queue/jobs?types=waiting,nope', 400, /types must be among/],
  ['GET', '/pedidos/queue/jobs?start=-1', 400, /start must be 0 or more/],
  ['GET', '/pedidos/queue/jobs?start=abc', 400, /start must be a whole number/],
  ['GET', '/pedidos/queue/jobs?end=-1', 400, /end must be 0 or more/],
  ['GET', '/pedidos/queue/jobs?start=10&end=5', 400, /end must not be less than start/],
  ['GET', '/pedidos/queue/jobs?start=0&end=600', 400, /at most 500 jobs/],
  ['GET', '/pedidos/logs?lines=0', 400, /lines must be at least 1/],
  ['GET', '/pedidos/logs?lines=5000', 400, /lines must be at most 1000/],
  ['GET', '/pedidos/logs?lines=2.5', 400, /lines must be a whole number/],
  ['GET', '/pedidos/runs?page=0', 400, /page must be at least 1/],
  ['GET', '/pedidos/runs?page=x', 400, /page must be a whole number/],
  ['GET', '/pedidos/runs?limit=1000', 400, /limit must be at most 100/],
  ['GET', '/pedidos/runs?limit=0', 400, /limit must be at least 1/],
  ['GET', `/pedidos/runs/${randomUUID()}`, 404, /does not exist/],
  ['GET', '/pedidos/runs/not-a-uuid', 400, /runId must be a UUID/],
  ['GET', `/pedidos/runs/${randomUUID()}?x=1`, 400, /property x should not exist/],
  ['GET', '/pedidos/runs/%E0%A4%A', 400, /decode/],
  ['GET', '/pedidos/generate', 404, /Cannot GET \/pedidos\/generate/],
  ['DELETE', '/pedidos', 404, /Cannot DELETE \/pedidos/],
  ['PUT', '/pedidos/reset', 404, /Cannot PUT/],
  ['PATCH', '/pedidos/queue/pause', 404, /Cannot PATCH/],
  ['GET', '/pedidos/nothing-here', 404, /Cannot GET/],
];

describe('bad input', () => {
  let env: Environment;
  let app: INestApplication;
  let url: string;
  let db: Db;
  let closeDb: () => Promise<void>;
  let before: Awaited<ReturnType<typeof dataFingerprint>>;

  beforeAll(async () => {
    // No rate limit here: this file sends hundreds of control requests on purpose.
    env = testEnvironment('badinput', { MAX_ORDERS: String(MAX_ORDERS), RATE_LIMIT_PER_MINUTE: '0' });
    ({ app, url } = await startInProcessApi(env));
    ({ db, close: closeDb } = await openDatabase(env));
    // A finished run, so that "nothing changed" is a claim about real data, not about an empty database.
    expect((await rawRequest(url, 'POST', '/pedidos/generate?quantity=100')).status).toBe(202);
    await waitUntil(async () => (await rawRequest(url, 'GET', '/pedidos')).body.phase === 'DONE', 60_000, 'the seed run to finish');
    before = await dataFingerprint(db, url);
    expect(before).toMatchObject({ orders: 100, runs: 1 });
  });

  afterAll(async () => {
    await app?.close();
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  afterEach(async () => {
    expect(await dataFingerprint(db, url)).toEqual(before);
  });

  it.each(CASES)('%s %s → %i', async (method, path, status, message) => {
    const answer = await rawRequest(url, method, path);
    expectCommonErrorShape(answer, status);
    expect(answer.body.message).toMatch(message);
  });

  it('answers 400 for a malformed JSON body and 413 for a 2 MB one, and does not act on either', async () => {
    const json = { 'content-type': 'application/json' };
    for (const body of ['{bad', '{"quantity": 10', '[1,2', 'null x']) {
      const malformed = await rawRequest(url, 'POST', '/pedidos/reset', { headers: json, body });
      expectCommonErrorShape(malformed, 400);
      expect(malformed.body).toMatchObject({ code: 'MALFORMED_BODY', message: 'request body is not valid JSON', path: '/pedidos/reset' });
    }
    const huge = await rawRequest(url, 'POST', '/pedidos/reset', { headers: json, body: JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) }) });
    expectCommonErrorShape(huge, 413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large' });
    const charset = await rawRequest(url, 'POST', '/pedidos/reset', { headers: { 'content-type': 'application/json; charset=klingon' }, body: '{}' });
    expectCommonErrorShape(charset, 415);
  });

  describe('property: any query gets a 2xx or a 4xx in the common shape, never a 5xx', () => {
    const isPlainInteger = (value: string) => /^-?\d{1,16}$/.test(value);
    const isBooleanWord = (value: string) => value === '' || /^(true|1|yes|false|0|no)$/i.test(value);

    const anyValue = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary-ascii', maxLength: 12 }),
      fc.integer({ min: -2 * MAX_ORDERS, max: 2 * MAX_ORDERS }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
      fc.constantFrom('', 'true', 'false', 'yes', 'no', '0', '1', '-1', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor', '%', '%00', '1e3', '0x10', ' 1'),
    );
    const anyName = fc.oneof(
      fc.constantFrom('quantity', 'autoProcess', 'purge', 'removePending', 'resetLogs', 'state', 'types', 'start', 'end', 'lines', 'page', 'limit'),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
    );
    const anyQuery = fc.dictionary(anyName, anyValue, { maxKeys: 4 });
    const queryString = (params: Record<string, string>) =>
      Object.entries(params)
        .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
        .join('&');

    it('POST /pedidos/generate: any quantity other than a whole number in [1, MAX_ORDERS] is a 400 naming quantity', async () => {
      const notAValidQuantity = anyValue.filter((quantity) => !(isPlainInteger(quantity) && Number(quantity) >= 1 && Number(quantity) <= MAX_ORDERS));
      await fc.assert(
        fc.asyncProperty(notAValidQuantity, fc.option(fc.constantFrom('true', 'false', 'yes', 'no', '1', '0', '')), async (quantity, autoProcess) => {
          const query = queryString(autoProcess === null ? { quantity } : { quantity, autoProcess });
          const answer = await rawRequest(url, 'POST', `/pedidos/generate?${query}`);
          expect(answer.status).toBe(400);
          expect(answer.body).toMatchObject({ statusCode: 400, code: expect.any(String), path: '/pedidos/generate' });
          expect(answer.body.message).toMatch(/quantity/);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('POST /pedidos/cancel with no active run: 409 for valid flags, 400 for any other value or parameter', async () => {
      const flags = fc.dictionary(fc.constantFrom('purge', 'removePending', 'resetLogs', 'force'), anyValue, { maxKeys: 3 });
      await fc.assert(
        fc.asyncProperty(flags, async (params) => {
          const valid = Object.entries(params).every(([name, value]) => name !== 'force' && isBooleanWord(value));
          const answer = await rawRequest(url, 'POST', `/pedidos/cancel?${queryString(params)}`);
          expect({ params, status: answer.status }).toEqual({ params, status: valid ? 409 : 400 });
          expect(answer.body.code).toBe(valid ? 'NO_ACTIVE_RUN' : 'VALIDATION_FAILED');
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('POST /pedidos/queue/clean: any state outside the cleanable ones is a 400', async () => {
      const cleanable = ['completed', 'failed', 'delayed', 'wait', 'paused'];
      await fc.assert(
        fc.asyncProperty(anyValue.filter((state) => !cleanable.includes(state)), async (state) => {
          const answer = await rawRequest(url, 'POST', `/pedidos/queue/clean?state=${encodeURIComponent(state)}`);
          expect(answer.status).toBe(400);
          expect(answer.body.message).toMatch(/state must be one of/);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('every GET endpoint: any query answers 200 or 400 (the common shape), never a 5xx', async () => {
      const reads = fc.constantFrom('/pedidos', '/pedidos/queue/status', '/pedidos/queue/jobs', '/pedidos/health/queue', '/pedidos/logs', '/pedidos/runs');
      await fc.assert(
        fc.asyncProperty(reads, anyQuery, async (path, params) => {
          const answer = await rawRequest(url, 'GET', `${path}?${queryString(params)}`);
          expect([200, 400]).toContain(answer.status);
          if (answer.status === 400) expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', path });
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('GET /pedidos/runs/:runId: any id answers 400 (not a UUID) or 404, never a 5xx', async () => {
      // '.' and '..' are path segments a URL resolves away, not ids.
      const anyId = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.uuid({ version: [1, 4, 7] })).filter((id) => id !== '.' && id !== '..');
      await fc.assert(
        fc.asyncProperty(anyId, async (runId) => {
          const answer = await rawRequest(url, 'GET', `/pedidos/runs/${encodeURIComponent(runId)}`);
          expect([400, 404]).toContain(answer.status);
          expect(answer.body).toMatchObject({ statusCode: answer.status, code: expect.any(String) });
        }),
        { numRuns: NUM_RUNS },
      );
    });
  });
});
