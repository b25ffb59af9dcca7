import { INestApplication } from '@nestjs/common';
import { join } from 'node:path';
import { startChild } from '@pedidos/processes';
import { Socket, io } from 'socket.io-client';
import { Environment } from '../src/infrastructure/config/environment';
import { expectCommonErrorShape, rawRequest } from './support/raw-request';
import { startInProcessApi, waitUntil } from './support/running-api';
import { dropTestData, testEnvironment } from './support/test-environment';

const API_KEY = 'roles-write-key-0123';
const READ_KEY = 'roles-read-key-0123';
const WRONG_KEY = 'roles-wrong-key-0123';
const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}`;

const READS = ['/pedidos', '/pedidos/access', '/pedidos/audit', '/pedidos/runs', '/pedidos/queue/status', '/pedidos/queue/jobs', '/pedidos/health/queue', '/pedidos/logs', '/pedidos/dead-letters', '/pedidos/server', '/events/metrics', '/events/dead-letters'];
/** Every control route, with parameters that pass validation. */
const CONTROLS = ['/pedidos/generate?quantity=10', '/pedidos/process', '/pedidos/cancel', '/pedidos/reset', '/pedidos/queue/pause', '/pedidos/queue/resume', '/pedidos/queue/clean?state=completed', '/pedidos/dead-letters/retry', '/events/dead-letters/retry', '/events/reset'];

function useApi(suite: string, overrides: Record<string, string>) {
  const context = {} as { env: Environment; app: INestApplication; url: string };
  beforeAll(async () => {
    context.env = testEnvironment(suite, { MAX_ORDERS: '1000', ...overrides });
    ({ app: context.app, url: context.url } = await startInProcessApi(context.env));
  });
  afterAll(async () => {
    await context.app?.close();
    if (context.env) await dropTestData(context.env);
  });
  return context;
}

/** Connects a Socket.IO client; resolves with the first `progress` it gets, or the reason the server refused it. */
async function connectSocket(url: string, options: { auth?: Record<string, string>; headers?: Record<string, string> }) {
  const socket: Socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: options.auth, extraHeaders: options.headers });
  try {
    return await new Promise<{ progress: unknown } | { refused: string }>((resolve) => {
      socket.once('progress', (progress) => resolve({ progress }));
      socket.once('connect_error', (error) => resolve({ refused: error.message }));
    });
  } finally {
    socket.disconnect();
  }
}

describe('two roles: API_KEY controls, READ_API_KEY reads', () => {
  const api = useApi('roles', { API_KEY, READ_API_KEY: READ_KEY });
  const call = (method: string, path: string, key?: string) => rawRequest(api.url, method, path, { headers: key ? { 'x-api-key': key } : {} });

  it('answers every read with either key, and 401 in the common shape without one or with a wrong one', async () => {
    for (const path of READS) {
      for (const key of [READ_KEY, API_KEY]) expect({ path, key, status: (await call('GET', path, key)).status }).toEqual({ path, key, status: 200 });
      const missing = await call('GET', path);
      expectCommonErrorShape(missing, 401);
      expect(missing.body).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('read key') });
      const wrong = await call('GET', path, WRONG_KEY);
      expectCommonErrorShape(wrong, 401);
      expect(wrong.text).not.toContain(READ_KEY);
    }
    expect((await call('HEAD', '/pedidos')).status).toBe(401);
  });

  it('refuses every control request with the read key (403 FORBIDDEN) and without a key (401), and lets the API key through', async () => {
    for (const path of CONTROLS) {
      const forbidden = await call('POST', path, READ_KEY);
      expectCommonErrorShape(forbidden, 403);
      expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN', error: 'Forbidden', path: path.split('?')[0] });
      expectCommonErrorShape(await call('POST', path), 401);
      expectCommonErrorShape(await call('POST', path, WRONG_KEY), 401);
    }
    expect((await call('GET', '/pedidos', READ_KEY)).body.phase).toBe('IDLE');
    expect((await call('GET', '/pedidos/queue/status', READ_KEY)).body.paused).toBe(false);
    expect((await call('POST', '/pedidos/queue/pause', API_KEY)).body.paused).toBe(true);
    expect((await call('POST', '/pedidos/queue/resume', API_KEY)).body.paused).toBe(false);
    const started = await call('POST', '/pedidos/generate?quantity=50', API_KEY);
    expect(started.status).toBe(202);
    await waitUntil(async () => (await call('GET', '/pedidos', READ_KEY)).body.phase === 'DONE', 60_000, 'the run to finish');
  });

  it('tells each key its role (GET /pedidos/access)', async () => {
    expect((await call('GET', '/pedidos/access', READ_KEY)).body).toEqual({ role: 'read', controlsNeedKey: true, readsNeedKey: true });
    expect((await call('GET', '/pedidos/access', API_KEY)).body).toEqual({ role: 'write', controlsNeedKey: true, readsNeedKey: true });
  });

  it('keeps /health and /metrics open: probes and Prometheus scrapes carry no key', async () => {
    for (const path of ['/health', '/health/ready', '/metrics']) expect({ path, status: (await call('GET', path)).status }).toEqual({ path, status: 200 });
  });

  it('lets Socket.IO connect with either key (auth.key or the x-api-key header) and refuses it without one', async () => {
    expect(await connectSocket(api.url, { auth: { key: READ_KEY } })).toMatchObject({ progress: { phase: expect.any(String) } });
    expect(await connectSocket(api.url, { auth: { key: API_KEY } })).toMatchObject({ progress: expect.anything() });
    expect(await connectSocket(api.url, { headers: { 'x-api-key': READ_KEY } })).toMatchObject({ progress: expect.anything() });
    expect(await connectSocket(api.url, {})).toEqual({ refused: expect.stringContaining('read key') });
    expect(await connectSocket(api.url, { auth: { key: WRONG_KEY } })).toEqual({ refused: expect.stringContaining('neither') });
  });

  it('opens Bull Board to look with the read key, its actions with the API key only', async () => {
    const board = (method: string, path: string, password?: string) => rawRequest(api.url, method, `/admin/queues${path}`, { headers: password ? { authorization: basic(password) } : {} });
    expect((await board('GET', '/api/queues', READ_KEY)).status).toBe(200);
    const refused = await board('PUT', '/api/queues/orders-vip/pause', READ_KEY);
    expectCommonErrorShape(refused, 403);
    expect((await call('GET', '/pedidos/queue/status', READ_KEY)).body.paused).toBe(false);
    const anonymous = await board('GET', '/api/queues');
    expectCommonErrorShape(anonymous, 401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(anonymous.body.message).toContain('the API key or the read key');
    expect((await board('PUT', '/api/queues/orders-vip/pause', API_KEY)).status).toBe(200);
    expect((await board('PUT', '/api/queues/orders-vip/resume', API_KEY)).status).toBe(200);
  });
});

describe('API_KEY alone: reads open to anyone, as before', () => {
  const api = useApi('roles_open_reads', { API_KEY });

  it('reads without a key, and tells a keyless client it may only read', async () => {
    expect((await rawRequest(api.url, 'GET', '/pedidos/audit')).status).toBe(200);
    expect((await rawRequest(api.url, 'GET', '/pedidos/access')).body).toEqual({ role: 'read', controlsNeedKey: true, readsNeedKey: false });
    expect((await rawRequest(api.url, 'GET', '/pedidos/access', { headers: { 'x-api-key': API_KEY } })).body.role).toBe('write');
    expect(await connectSocket(api.url, {})).toMatchObject({ progress: expect.anything() });
  });
});

describe('READ_API_KEY is checked at boot', () => {
  it.each([
    [{ READ_API_KEY: READ_KEY }, /READ_API_KEY=.*READ_API_KEY needs API_KEY/],
    [{ API_KEY, READ_API_KEY: API_KEY }, /READ_API_KEY must differ from API_KEY/],
  ])('the API exits 78 naming the variable for %j', async (settings, message) => {
    const child = startChild({
      name: 'api with a bad READ_API_KEY',
      command: process.execPath,
      args: [join(__dirname, '..', 'dist', 'main.js')],
      env: { ...process.env, ...settings, PORT: '0', MONGO_URI: 'mongodb://127.0.0.1:1/unused_test', REDIS_URL: 'redis://127.0.0.1:1' },
    });
    const { code } = await child.exited;
    const stderr = child.output;
    expect(code).toBe(78);
    expect(stderr).toMatch(message);
  });
});
