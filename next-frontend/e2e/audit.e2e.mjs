// Browser test of the audit page and of the two roles, against the real backend with API_KEY and READ_API_KEY.
// Needs MONGO_URI and REDIS_URL of running services (the root `pnpm test` exports them). Starts the built backend
// and two dashboards on free ports, one holding the API key and one holding the read key, drives Debian's
// Chromium, stops them all. Prints `N passed, N failed` last; exits non-zero when anything failed.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { buildIfNeeded } from './lib/build.mjs';
import { freePort, startProcess, waitFor } from './lib/processes.mjs';
import { runSuite } from './lib/suite-runner.mjs';

const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(FRONTEND, '..');
const RESULTS = path.join(FRONTEND, 'test-results');
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 10 * 60_000);
const API_KEY = 'e2e-audit-write-key';
const READ_KEY = 'e2e-audit-read-key';
const NEXT_BIN = path.join(FRONTEND, 'node_modules', 'next', 'dist', 'bin', 'next');

// A database and Redis prefix of this run's own.
const TAG = `e2e_audit_${Date.now().toString(36)}`;
if (process.env.MONGO_URI) {
  const url = new URL(process.env.MONGO_URI);
  url.pathname = `/${url.pathname.slice(1) || 'pedidos_test'}_${TAG}`.slice(0, 60);
  process.env.MONGO_URI = url.toString();
}
process.env.KEY_PREFIX = `${process.env.KEY_PREFIX || 'pedidos'}-${TAG}`.slice(0, 40);

const results = [];
let backendUrl;

const log = (message) => console.log(`[e2e:audit] ${message}`);
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};

async function test(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`✗ ${name} (${Date.now() - started} ms)\n    ${String(error?.stack || error).split('\n').slice(0, 4).join('\n    ')}`);
  }
}

async function api(pathname, { method = 'GET', key = API_KEY } = {}) {
  const response = await fetch(`${backendUrl}${pathname}`, { method, headers: { 'x-api-key': key }, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function startServices() {
  const backendPort = await freePort();
  backendUrl = `http://127.0.0.1:${backendPort}`;
  const [writePort, readPort] = [await freePort(), await freePort()];
  const backend = startProcess('audit-backend', process.execPath, ['dist/main.js'], {
    cwd: path.join(ROOT, 'nest-backend'),
    env: {
      ...process.env,
      PORT: String(backendPort),
      API_KEY,
      READ_API_KEY: READ_KEY,
      MAX_ORDERS: '10000',
      RATE_LIMIT_PER_MINUTE: '0',
      CORS_ORIGINS: `http://127.0.0.1:${writePort},http://127.0.0.1:${readPort}`,
    },
    logFile: path.join(RESULTS, 'audit-backend.log'),
  });
  await waitFor('the backend to answer', async () => {
    if (backend.exited) throw new Error(`backend exited (${backend.exitInfo}); see test-results/audit-backend.log`);
    return (await api('/pedidos', { key: READ_KEY })).status === 200;
  }, { timeoutMs: 90_000, intervalMs: 500 });
  // Both dashboards on the ports CORS allows (freePort handed them out above).
  return { write: await startDashboardOn('audit-dashboard-write', API_KEY, backendPort, writePort), read: await startDashboardOn('audit-dashboard-read', READ_KEY, backendPort, readPort) };
}

async function startDashboardOn(name, key, backendPort, port) {
  const url = `http://127.0.0.1:${port}`;
  const dashboard = startProcess(name, process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: FRONTEND,
    env: { ...process.env, API_URL: `http://127.0.0.1:${backendPort}`, DASHBOARD_API_KEY: key, NEXT_TELEMETRY_DISABLED: '1' },
    logFile: path.join(RESULTS, `${name}.log`),
  });
  await waitFor(`the ${name} to answer`, async () => {
    if (dashboard.exited) throw new Error(`${name} exited (${dashboard.exitInfo}); see test-results/${name}.log`);
    return (await fetch(url, { signal: AbortSignal.timeout(10_000) })).status === 200;
  }, { timeoutMs: 60_000, intervalMs: 500 });
  return url;
}

const rowsOf = (page, testId = 'audit-table') => page.locator(`[data-testid="${testId}"] [data-testid="audit-row"]`);

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (!process.env.MONGO_URI || !process.env.REDIS_URL) throw new Error('MONGO_URI and REDIS_URL must point to running services (the root `pnpm test` exports them)');
  await buildIfNeeded({ root: ROOT, frontend: FRONTEND, results: RESULTS, log });
  const dashboards = await startServices();
  log(`backend ${backendUrl}; dashboards: write ${dashboards.write}, read ${dashboards.read}`);

  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    let runId = null;

    await test('with the API key: a control made in the UI is on the audit page, and the filter keeps only its action', async () => {
      await page.goto(`${dashboards.write}/queue`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
      await page.selectOption('[data-testid="clean-state"]', 'completed');
      await page.click('[data-testid="action-clean"]');
      const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
      await dialog.locator('[data-testid="confirm-accept"]').click({ timeout: 5000 });
      await page.locator('[data-testid="queue-action-result"]:not([data-sequence="0"])').waitFor({ timeout: 15_000 });
      // A refusal, made with the read key, to find next to it.
      assert((await api('/pedidos/reset', { method: 'POST', key: READ_KEY })).status === 403, 'the read key was not refused a reset');

      await page.getByRole('navigation', { name: /navega|navigation/i }).getByRole('link', { name: /^(Audit|Auditoria)$/ }).click();
      await page.waitForURL((url) => url.pathname === '/audit', { timeout: 15_000 });
      const clean = page.locator('[data-testid="audit-row"][data-action="queue.clean"][data-status="200"][data-key-holder="write"]');
      await clean.first().waitFor({ timeout: 15_000 });
      assert(/state=completed/.test(await clean.first().innerText()), 'the clean row does not show its parameter');
      await page.locator('[data-testid="audit-row"][data-action="reset"][data-status="403"][data-key-holder="read"]').first().waitFor({ timeout: 15_000 });
      assert(/FORBIDDEN/.test(await page.locator('[data-testid="audit-row"][data-action="reset"]').first().innerText()), 'the refusal does not show its code');

      await page.fill('[data-testid="audit-filter-action"]', 'reset');
      await page.click('[data-testid="audit-filter-apply"]');
      await waitFor('only reset rows', async () => {
        const actions = await rowsOf(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
        return actions.length > 0 && actions.every((action) => action === 'reset');
      }, { timeoutMs: 10_000 });
      await page.screenshot({ path: path.join(RESULTS, 'audit.png'), fullPage: true });
    });

    await test("a run's page lists the actions that touched it", async () => {
      const started = await api('/pedidos/generate?quantity=500&autoProcess=false', { method: 'POST' });
      assert(started.status === 202, `generate answered ${started.status}`);
      runId = started.body.runId;
      await waitFor('the run to wait for process', async () => (await api('/pedidos', { key: READ_KEY })).body?.awaitingProcess === true, { timeoutMs: 60_000, intervalMs: 300 });
      assert((await api('/pedidos/process', { method: 'POST' })).status === 202, 'process was refused');
      await waitFor('DONE', async () => (await api('/pedidos', { key: READ_KEY })).body?.phase === 'DONE', { timeoutMs: 120_000, intervalMs: 300 });
      await page.goto(`${dashboards.write}/runs/${runId}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await waitFor('generate and process on the run page', async () => {
        const actions = await rowsOf(page, 'run-actions-table').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
        return actions.includes('generate') && actions.includes('process');
      }, { timeoutMs: 20_000 });
      const other = await rowsOf(page, 'run-actions-table').filter({ has: page.locator('[data-action="queue.clean"]') }).count();
      assert(other === 0, 'an action of no run is listed on the run page');
    });

    await test('with the read key: every page reads, the socket connects, and no control is shown', async () => {
      const reader = await context.newPage();
      await reader.goto(dashboards.read, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await reader.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
      await reader.waitForSelector('[data-testid="phase-badge"][data-phase="DONE"]', { timeout: 15_000 });
      await reader.waitForSelector('[data-testid="read-only-note"]', { timeout: 10_000 });
      for (const id of ['action-generate', 'action-reset', 'action-cancel', 'action-pause', 'quantity']) {
        assert((await reader.locator(`[data-testid="${id}"]`).count()) === 0, `${id} is shown with the read key`);
      }
      await reader.goto(`${dashboards.read}/queue`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await reader.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
      assert((await reader.locator('[data-testid="action-clean"]').count()) === 0, 'the clean control is shown with the read key');
      await reader.goto(`${dashboards.read}/eventos`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await reader.waitForSelector('[data-testid="read-only-note"]', { timeout: 10_000 });
      for (const id of ['events-reset', 'events-burst-start', 'events-dead-retry-all']) {
        assert((await reader.locator(`[data-testid="${id}"]`).count()) === 0, `${id} is shown with the read key`);
      }
      await reader.goto(`${dashboards.read}/audit`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await reader.locator(`[data-testid="audit-row"][data-action="generate"][data-run-id="${runId}"]`).first().waitFor({ timeout: 15_000 });
      await reader.screenshot({ path: path.join(RESULTS, 'audit-read-key.png'), fullPage: true });
      // A run's report downloads with the read key too (a plain link could not send it).
      await reader.goto(`${dashboards.read}/runs/${runId}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      const [csv] = await Promise.all([reader.waitForEvent('download', { timeout: 15_000 }), reader.click('[data-testid="run-report-csv"]')]);
      const content = readFileSync(await csv.path(), 'utf8');
      assert(content.includes(runId) && !/UNAUTHORIZED/.test(content), `the CSV downloaded with the read key is not the run's report: ${content.slice(0, 200)}`);
      // The same pages with the API key still show the controls.
      await page.goto(dashboards.write, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.waitForSelector('[data-testid="action-generate"]', { timeout: 15_000 });
      assert((await page.locator('[data-testid="read-only-note"]').count()) === 0, 'the read-only note shows with the API key');
      await reader.close();
    });
  } finally {
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
  }
}

runSuite({ what: 'the audit e2e', main, results, timeoutMs: TOTAL_TIMEOUT_MS, log });
