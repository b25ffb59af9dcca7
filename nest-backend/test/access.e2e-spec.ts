import { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import { Environment } from '../src/infrastructure/config/environment';
import { dataFingerprint } from './support/data-fingerprint';
import { expectCommonErrorShape, rawRequest } from './support/raw-request';
import { openDatabase, startInProcessApi, waitUntil } from './support/running-api';
import { dropTestData, testEnvironment } from './support/test-environment';

const API_KEY = 'access-test-key-0123';
const DASHBOARD = 'http://dashboard.test:3001';

describe('control endpoints with API_KEY set', () => {
  let env: Environment;
  let app: INestApplication;
  let url: string;
  let db: Db;
  let closeDb: () => Promise<void>;
  const post = (path: string, headers: Record<string, string> = {}) => rawRequest(url, 'POST', path, { headers });

  beforeAll(async () => {
    env = testEnvironment('access', { API_KEY, MAX_ORDERS: '1000', CORS_ORIGINS: `${DASHBOARD}, http://other-dashboard.test`, RATE_LIMIT_PER_MINUTE: '1000' });
    ({ app, url } = await startInProcessApi(env));
    ({ db, close: closeDb } = await openDatabase(env));
  });

  afterAll(async () => {
    await app?.close();
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  it('refuses every POST without the key or with a wrong one (401, common shape) and changes nothing', async () => {
    const before = await dataFingerprint(db, url);
    const controls = ['/pedidos/generate?quantity=10', '/pedidos/process', '/pedidos/cancel', '/pedidos/reset', '/pedidos/queue/pause', '/pedidos/queue/resume', '/pedidos/queue/clean?state=completed'];
    controls.push('/pedidos/dead-letters/retry', '/pedidos/queue/failed/retry?lane=vip', `/pedidos/queue/failed/normal/${encodeURIComponent('00000000-0000-4000-8000-000000000000:NORMAL:0-1')}/retry`);
    for (const path of controls) {
      const missing = await post(path);
      expectCommonErrorShape(missing, 401);
      expect(missing.body).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('x-api-key'), path: path.split('?')[0] });
      for (const wrong of ['wrong-key-0123', `${API_KEY}x`, API_KEY.slice(0, -1), API_KEY.toUpperCase()]) {
        const refused = await post(path, { 'x-api-key': wrong });
        expectCommonErrorShape(refused, 401);
        expect(refused.body.message).toMatch(/does not hold the API key/);
        expect(refused.text).not.toContain(API_KEY);
      }
    }
    // Validation runs after the key check: a bad request without the key learns nothing about the endpoint.
    expect((await post('/pedidos/generate?quantity=abc')).status).toBe(401);
    expect(await dataFingerprint(db, url)).toEqual(before);
    expect((await rawRequest(url, 'GET', '/pedidos')).body.phase).toBe('IDLE');
  });

  it('accepts the right key: a run starts and finishes, the queue pauses and resumes', async () => {
    const key = { 'x-api-key': API_KEY };
    const started = await post('/pedidos/generate?quantity=200', key);
    expect(started.status).toBe(202);
    await waitUntil(async () => (await rawRequest(url, 'GET', '/pedidos')).body.phase === 'DONE', 60_000, 'the run to finish');
    expect(await db.collection('orders').countDocuments({ runId: started.body.runId, status: 'processado' })).toBe(200);

    expect((await post('/pedidos/queue/pause', key)).body.paused).toBe(true);
    expect((await post('/pedidos/queue/resume', key)).body.paused).toBe(false);
    const wrong = await post('/pedidos/reset', { 'x-api-key': 'not-the-key' });
    expect(wrong.status).toBe(401);
    expect(await db.collection('process_runs').countDocuments()).toBe(1);
  });

  it('keeps every read open without a key', async () => {
    const runId = (await rawRequest(url, 'GET', '/pedidos/runs')).body.items[0]?.runId;
    const reads = ['/pedidos', '/pedidos/queue/status', '/pedidos/queue/jobs', '/pedidos/health/queue', '/pedidos/logs', '/pedidos/runs', `/pedidos/runs/${runId}`, '/health', '/docs', '/docs-json'];
    for (const path of reads) expect({ path, status: (await rawRequest(url, 'GET', path)).status }).toEqual({ path, status: 200 });
    expect((await rawRequest(url, 'HEAD', '/pedidos')).status).toBe(200);
  });

  it('sends helmet security headers, and the OpenAPI document names the key on control operations', async () => {
    const answer = await rawRequest(url, 'GET', '/pedidos');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('x-powered-by')).toBeNull();
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);

    // The Swagger UI page and the assets it loads are served from 'self', which the CSP allows.
    const docs = await rawRequest(url, 'GET', '/docs');
    expect(docs.headers.get('content-security-policy')).toBe(csp);
    const assets = [...docs.text.matchAll(/(?:src|href)="(\.\/docs\/[^"]+)"/g)].map((match) => match[1].replace(/^\./, ''));
    expect(assets).toEqual(expect.arrayContaining(['/docs/swagger-ui-bundle.js', '/docs/swagger-ui-init.js', '/docs/swagger-ui.css']));
    for (const asset of assets) expect({ asset, status: (await rawRequest(url, 'GET', asset)).status }).toEqual({ asset, status: 200 });
    expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);

    const openApi = (await rawRequest(url, 'GET', '/docs-json')).body;
    expect(openApi.components.securitySchemes['api-key']).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    expect(openApi.paths['/pedidos/generate'].post.security).toEqual([{ 'api-key': [] }]);
    expect(openApi.paths['/pedidos'].get.security).toBeUndefined();
  });

  it('gives every main endpoint a response schema for its success answer in the OpenAPI document', async () => {
    const openApi = (await rawRequest(url, 'GET', '/docs-json')).body;
    const main: Array<[string, 'get' | 'post', string]> = [
      ['/pedidos', 'get', '200'],
      ['/pedidos/generate', 'post', '202'],
      ['/pedidos/process', 'post', '202'],
      ['/pedidos/cancel', 'post', '200'],
      ['/pedidos/reset', 'post', '200'],
      ['/pedidos/logs', 'get', '200'],
      ['/pedidos/runs', 'get', '200'],
      ['/pedidos/runs/{runId}', 'get', '200'],
      ['/pedidos/queue/status', 'get', '200'],
      ['/pedidos/queue/jobs', 'get', '200'],
      ['/pedidos/queue/pause', 'post', '200'],
      ['/pedidos/queue/resume', 'post', '200'],
      ['/pedidos/queue/clean', 'post', '200'],
      ['/pedidos/health/queue', 'get', '200'],
      ['/pedidos/orders', 'get', '200'],
      ['/pedidos/orders/{id}', 'get', '200'],
      ['/pedidos/alerts', 'get', '200'],
      ['/events/metrics', 'get', '200'],
    ];
    for (const [path, method, status] of main) {
      const schema = openApi.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
      expect({ path, method, status, type: schema?.type, properties: Object.keys(schema?.properties ?? {}).length > 0 }).toEqual({ path, method, status, type: 'object', properties: true });
    }
    const status = openApi.paths['/pedidos'].get.responses['200'].content['application/json'].schema;
    expect(status.required).toEqual(expect.arrayContaining(['phase', 'counts', 'throughput', 'eta', 'progress', 'lastRunId', 'updatedAt']));
    expect(status.properties.generationTimeMs.nullable).toBe(true);
    for (const path of ['/pedidos', '/pedidos/queue/status', '/pedidos/health/queue', '/pedidos/runs']) {
      const body = (await rawRequest(url, 'GET', path)).body;
      const schema = openApi.paths[path].get.responses['200'].content['application/json'].schema;
      expect({ path, keys: Object.keys(body).sort() }).toEqual({ path, keys: [...schema.required].sort() });
    }
    const cancel = openApi.paths['/pedidos/cancel'].post.responses['200'].content['application/json'].schema;
    expect(cancel.properties.counts.required).toContain('removedPending');
  });

  it('describes the success answer of every operation in the OpenAPI document, and the bodies match it', async () => {
    const openApi = (await rawRequest(url, 'GET', '/docs-json')).body;
    const undescribed: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, any>>(openApi.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        const success = Object.entries<any>(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        const schemas = success.flatMap(([, response]) => Object.values<any>(response.content ?? {}).map((media) => media.schema));
        const described = schemas.length > 0 && schemas.every((schema) => schema?.$ref || schema?.type === 'string' || Object.keys(schema?.properties ?? {}).length > 0);
        if (!described) undescribed.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undescribed).toEqual([]);

    const runId = (await rawRequest(url, 'GET', '/pedidos/runs')).body.items[0].runId;
    const bodies: Array<[string, string]> = [
      ['/pedidos/server', '/pedidos/server'],
      ['/pedidos/metrics/process', '/pedidos/metrics/process'],
      ['/pedidos/dead-letters', '/pedidos/dead-letters'],
      ['/pedidos/runs/{runId}/report', `/pedidos/runs/${runId}/report`],
    ];
    for (const [path, concrete] of bodies) {
      const body = (await rawRequest(url, 'GET', concrete)).body;
      const schema = openApi.paths[path].get.responses['200'].content['application/json'].schema;
      expect({ path, keys: Object.keys(body).sort() }).toEqual({ path, keys: [...schema.required].sort() });
    }
  });

  it('answers CORS preflights from the dashboard origins only, allowing the x-api-key header', async () => {
    const preflight = (origin: string) =>
      rawRequest(url, 'OPTIONS', '/pedidos/generate', {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key' },
      });
    const allowed = await preflight(DASHBOARD);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-api-key');
    expect((await preflight('http://other-dashboard.test')).headers.get('access-control-allow-origin')).toBe('http://other-dashboard.test');

    const foreign = await preflight('http://evil.test');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const foreignRead = await rawRequest(url, 'GET', '/pedidos', { headers: { origin: 'http://evil.test' } });
    expect(foreignRead.headers.get('access-control-allow-origin')).toBeNull();
    const dashboardRead = await rawRequest(url, 'GET', '/pedidos', { headers: { origin: DASHBOARD } });
    expect(dashboardRead.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
  });
});

describe('rate limit on control requests', () => {
  const LIMIT = 4;
  let env: Environment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = testEnvironment('throttle', { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    ({ app, url } = await startInProcessApi(env));
  });

  afterAll(async () => {
    await app?.close();
    if (env) await dropTestData(env);
  });

  it(`answers 429 in the common shape after ${LIMIT} POSTs a minute, counted across routes, and never limits reads`, async () => {
    const controls = ['/pedidos/queue/resume', '/pedidos/queue/pause', '/pedidos/queue/resume', '/pedidos/queue/clean?state=completed'];
    for (const path of controls) expect({ path, status: (await rawRequest(url, 'POST', path)).status }).toEqual({ path, status: 200 });

    const limited = await rawRequest(url, 'POST', '/pedidos/queue/pause');
    expectCommonErrorShape(limited, 429);
    expect(limited.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining(`at most ${LIMIT} a minute`) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await rawRequest(url, 'GET', '/pedidos/queue/status')).body.paused).toBe(false);
    expect((await rawRequest(url, 'POST', '/pedidos/generate?quantity=10')).status).toBe(429);

    const reads = await Promise.all(Array.from({ length: 30 }, () => rawRequest(url, 'GET', '/pedidos')));
    expect(reads.map((read) => read.status)).toEqual(Array(30).fill(200));
  });
});
