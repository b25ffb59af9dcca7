// Browser test of the dashboard against the real backend.
// Needs MONGO_URI and REDIS_URL of running services (the root `pnpm test` exports them).
// Starts the built backend and dashboard on free ports, drives Debian's Chromium, stops both.
// Prints `N passed, N failed` last; exits non-zero when anything failed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alertChecks } from './alert-checks.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { storedEventCounts } from './lib/events-db.mjs';
import { moduleWaitsUnderHtmlElements } from './lib/flight-payload.mjs';
import { freePort, runToCompletion, sleep, startProcess, stopProcess, waitFor } from './lib/processes.mjs';
import { runSeriesChecks } from './run-series-checks.mjs';
import { retryChecks } from './retry-checks.mjs';
import { orderSearchChecks } from './order-search.e2e.mjs';
import { runSuite } from './lib/suite-runner.mjs';
import { ACTIVE_PHASES as ACTIVE } from '@pedidos/contract';

const FRONTEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(FRONTEND, '..');
const BACKEND = path.join(ROOT, 'nest-backend');
const RESULTS = path.join(FRONTEND, 'test-results');
const DOCS_SCREENSHOT = path.join(ROOT, 'docs', 'dashboard.png');
const EVENTS_SCREENSHOT = path.join(ROOT, 'docs', 'eventos.png');
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 25 * 60_000);
const SMALL_RUN = 3000;
const API_KEY = 'e2e-dashboard-key';
/** Test-only: events whose eventData has this key are refused by the event store, so the Eventos checks get dead letters. */
const EVENTS_FAIL_MARKER = 'e2e_poison';

// A database and Redis prefix of this run's own: a run left active by an interrupted earlier test (or another
// suite on the same services) cannot block this one. Every backend below gets them through process.env.
const E2E_TAG = `e2e_${Date.now().toString(36)}`;
if (process.env.MONGO_URI) {
  const url = new URL(process.env.MONGO_URI);
  url.pathname = `/${url.pathname.slice(1) || 'pedidos_test'}_${E2E_TAG}`.slice(0, 60);
  process.env.MONGO_URI = url.toString();
}
process.env.KEY_PREFIX = `${process.env.KEY_PREFIX || 'pedidos'}-${E2E_TAG}`.slice(0, 40);

const results = [];
/** Big enough to still be running when the test cancels it: ~30 s of work at the measured speed. */
let largeRun = Number(process.env.E2E_LARGE_RUN || 30_000);
let backendUrl;
let dashboardUrl;

function log(message) {
  console.log(`[e2e] ${message}`);
}

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

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function api(pathname, method = 'GET') {
  const response = await fetch(`${backendUrl}${pathname}`, {
    method,
    headers: method === 'GET' ? {} : { 'x-api-key': API_KEY },
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json().catch(() => null);
  return { status: response.status, body };
}

/** Newest mtime under a path (files only), to decide whether the build is stale. */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), 0);
}

async function buildIfNeeded() {
  const pnpm = ['-y', 'pnpm@10'];
  if (!existsSync(path.join(BACKEND, 'dist', 'main.js'))) {
    log('building the backend (dist/main.js missing)');
    await runToCompletion('npx', [...pnpm, '--filter', 'nest-backend', 'build'], {
      cwd: ROOT,
      env: process.env,
      timeoutMs: 5 * 60_000,
      logFile: path.join(RESULTS, 'backend-build.log'),
    });
  }
  const buildId = path.join(FRONTEND, '.next', 'BUILD_ID');
  const sources = Math.max(
    newestMtime(path.join(FRONTEND, 'app')),
    newestMtime(path.join(FRONTEND, 'next.config.ts')),
    newestMtime(path.join(FRONTEND, 'package.json')),
  );
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
    log('building the dashboard (no build, or sources newer than it)');
    await runToCompletion(process.execPath, [path.join(FRONTEND, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: FRONTEND,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      timeoutMs: 10 * 60_000,
      logFile: path.join(RESULTS, 'next-build.log'),
    });
  }
}

let backendProcess;
let backendPort;
let dashboardPort;

/** Starts (or starts again) the backend; `extraEnv` changes its settings for this start only. */
function startBackend(extraEnv = {}) {
  backendProcess = startProcess('backend', process.execPath, ['dist/main.js'], {
    cwd: BACKEND,
    env: {
      ...process.env,
      PORT: String(backendPort),
      MONGO_URI: process.env.MONGO_URI,
      REDIS_URL: process.env.REDIS_URL,
      CORS_ORIGINS: `${dashboardUrl},http://localhost:${dashboardPort}`,
      API_KEY,
      EVENTS_FAIL_MARKER,
      ...extraEnv,
    },
    logFile: path.join(RESULTS, `backend${backendProcess ? '-restarted' : ''}.log`),
  });
  const started = backendProcess;
  return waitFor('the backend to answer GET /pedidos', async () => {
    if (started.exited) throw new Error(`backend exited (${started.exitInfo}); see test-results/backend.log`);
    return (await api('/pedidos')).status === 200;
  }, { timeoutMs: 90_000, intervalMs: 500 });
}

async function startServices() {
  [backendPort, dashboardPort] = [await freePort(), await freePort()];
  backendUrl = `http://127.0.0.1:${backendPort}`;
  dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  await startBackend();
  log(`backend ready at ${backendUrl}`);

  const dashboard = startProcess('dashboard', process.execPath, [path.join(FRONTEND, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(dashboardPort), '-H', '127.0.0.1'], {
    cwd: FRONTEND,
    env: { ...process.env, API_URL: backendUrl, API_KEY, NEXT_TELEMETRY_DISABLED: '1' },
    logFile: path.join(RESULTS, 'dashboard.log'),
  });
  await waitFor('the dashboard to answer', async () => {
    if (dashboard.exited) throw new Error(`dashboard exited (${dashboard.exitInfo}); see test-results/dashboard.log`);
    const response = await fetch(dashboardUrl, { signal: AbortSignal.timeout(10_000) });
    return response.status === 200;
  }, { timeoutMs: 60_000, intervalMs: 500 });
  log(`dashboard ready at ${dashboardUrl}`);
}

const phaseOnPage = (page) => page.getAttribute('[data-testid="phase-badge"]', 'data-phase');
const numberOnPage = async (page, testId) => {
  const raw = await page.getAttribute(`[data-testid="${testId}"]`, 'data-value');
  return raw === null ? null : Number(raw);
};

async function waitForPhase(page, phases, timeoutMs) {
  const wanted = [].concat(phases);
  return waitFor(`phase ${wanted.join('/')} on the page`, async () => {
    const phase = await phaseOnPage(page);
    return wanted.includes(phase) ? phase : null;
  }, { timeoutMs, intervalMs: 100 });
}

/** Clicks a destructive button, then the confirmation dialog's confirm button. */
async function clickConfirmed(page, testId) {
  await page.click(`[data-testid="${testId}"]`, { timeout: 10_000 });
  const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
  await dialog.waitFor({ state: 'visible', timeout: 5000 });
  await dialog.locator('[data-testid="confirm-accept"]').click({ timeout: 5000 });
  await dialog.waitFor({ state: 'hidden', timeout: 5000 });
}

async function nextResult(page, previousSequence, timeoutMs = 20_000, testId = 'action-result') {
  return waitFor('the action result', async () => {
    const result = page.locator(`[data-testid="${testId}"]`);
    const sequence = Number(await result.getAttribute('data-sequence'));
    return sequence > previousSequence ? { sequence, text: await result.innerText() } : null;
  }, { timeoutMs, intervalMs: 100 });
}
const resultSequence = async (page, testId = 'action-result') => Number(await page.getAttribute(`[data-testid="${testId}"]`, 'data-sequence'));

async function goTo(page, linkName, pathname) {
  await page.getByRole('navigation', { name: /navega|navigation/i }).getByRole('link', { name: linkName }).click();
  await page.waitForURL((url) => url.pathname === pathname, { timeout: 15_000 });
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (!process.env.MONGO_URI || !process.env.REDIS_URL) {
    throw new Error('MONGO_URI and REDIS_URL must point to running services (the root `pnpm test` exports them)');
  }
  await buildIfNeeded();
  await startServices();

  // An unfinished run from an earlier test would block the UI's reset: end it through the API.
  const before = await api('/pedidos');
  if (ACTIVE.includes(before.body?.phase)) await api('/pedidos/cancel?purge=true&removePending=true', 'POST');

  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-BR' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await test('dashboard opens in Portuguese and its socket connects', async () => {
      await page.goto(dashboardUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      assert((await page.getAttribute('html', 'lang')) === 'pt-BR', 'html lang is not pt-BR');
      await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
      await page.waitForSelector('[data-testid="phase-badge"]', { timeout: 10_000 });
      // Marks this document: if anything below reloads the page, the marker is gone.
      await page.evaluate(() => {
        window.__e2eNoReload = true;
      });
    });

    await test('reset from the UI (with confirmation) leaves the system idle', async () => {
      await waitFor('reset to be enabled', () => page.isEnabled('[data-testid="action-reset"]'), { timeoutMs: 15_000 });
      const sequence = await resultSequence(page);
      await clickConfirmed(page, 'action-reset');
      const result = await nextResult(page, sequence);
      assert(/Reiniciado/.test(result.text), `unexpected reset result: ${result.text}`);
      await waitForPhase(page, 'IDLE', 15_000);
      const status = await api('/pedidos');
      assert(status.body.phase === 'IDLE', `API phase is ${status.body.phase}`);
    });

    await test('controls follow the phase: idle allows generate/reset, not cancel/process/pause', async () => {
      assert(await page.isEnabled('[data-testid="action-generate"]'), 'generate should be enabled');
      assert(await page.isEnabled('[data-testid="action-reset"]'), 'reset should be enabled');
      for (const id of ['action-cancel', 'action-process', 'action-pause']) {
        assert(await page.isDisabled(`[data-testid="${id}"]`), `${id} should be disabled while idle`);
      }
    });

    let smallRunId = null;
    await test(`a run of ${SMALL_RUN.toLocaleString('en')} orders started from the UI reaches DONE with live updates`, async () => {
      await page.fill('[data-testid="quantity"]', String(SMALL_RUN));
      if (!(await page.isChecked('[data-testid="auto-process"]'))) await page.check('[data-testid="auto-process"]');
      const sequence = await resultSequence(page);
      await page.click('[data-testid="action-generate"]');
      const result = await nextResult(page, sequence);
      assert(/Geração iniciada/.test(result.text), `unexpected generate result: ${result.text}`);
      const seen = new Set();
      const percents = new Set();
      await waitFor('DONE', async () => {
        const phase = await phaseOnPage(page);
        seen.add(phase);
        percents.add(await numberOnPage(page, 'progress-percent'));
        if (ACTIVE.includes(phase)) {
          assert(await page.isDisabled('[data-testid="action-generate"]'), 'generate must be disabled during a run');
          assert(await page.isDisabled('[data-testid="action-reset"]'), 'reset must be disabled during a run');
        }
        return phase === 'DONE';
      }, { timeoutMs: 120_000, intervalMs: 50 });
      assert([...seen].some((phase) => ACTIVE.includes(phase)), `never saw an active phase, only ${[...seen].join(', ')}`);
      assert(percents.size >= 2, 'progress percent never changed on the page');
      assert(await page.evaluate(() => window.__e2eNoReload === true), 'the page was reloaded');
      const done = (await api('/pedidos')).body;
      smallRunId = done.lastRunId;
      if (!process.env.E2E_LARGE_RUN && done.throughput?.overall > 0) {
        largeRun = Math.min(1_000_000, Math.max(30_000, Math.ceil((done.throughput.overall * 30) / 1000) * 1000));
      }
      log(`phases seen: ${[...seen].join(' → ')}; next run: ${largeRun} orders`);
    });

    await test('the counts on the page equal GET /pedidos', async () => {
      const { body } = await api('/pedidos');
      // The last progress event may land a moment after DONE: give the page a short while to settle.
      await waitFor('page figures to match the API', async () => {
        const pairs = [
          ['count-vip', body.counts.vip],
          ['count-normal', body.counts.normal],
          ['target-vip', body.progress.vipTarget],
          ['target-normal', body.progress.normalTarget],
          ['figure-progress.target', body.progress.target],
          ['figure-progress.generated', body.progress.generated],
          ['figure-progress.processedTotal', body.progress.processedTotal],
          ['figure-counts.failed', body.counts.failed],
          ['figure-counts.cancelled', body.counts.cancelled],
          ['figure-throughput.overall', body.throughput.overall],
        ];
        for (const [testId, expected] of pairs) {
          const actual = await numberOnPage(page, testId);
          if (actual !== expected) throw new Error(`${testId}: page ${actual}, API ${expected}`);
        }
        return true;
      }, { timeoutMs: 10_000 });
      assert(body.counts.vip + body.counts.normal === SMALL_RUN, `API processed ${body.counts.vip + body.counts.normal} of ${SMALL_RUN}`);
      const shownTotal = await page.locator('[data-testid="figure-progress.processedTotal"]').innerText();
      assert(shownTotal.trim() === SMALL_RUN.toLocaleString('pt-BR'), `processed total shown as "${shownTotal}"`);
    });

    await test('the throughput chart drew points from the live updates', async () => {
      const points = Number(await page.getAttribute('[data-testid="throughput-chart"]', 'data-points', { timeout: 5000 }));
      assert(points >= 2, `chart has ${points} points`);
    });

    await test('log lines from the backend appear in the live tail, and the level filter works', async () => {
      await goTo(page, 'Logs', '/logs');
      await waitFor('log lines', async () => (await page.locator('[data-testid="log-line"]').count()) > 0, { timeoutMs: 15_000 });
      const lines = await page.locator('[data-testid="log-line"]').count();
      await page.uncheck('[data-testid="log-level-info"]');
      const levelsShown = await page.locator('[data-testid="log-line"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-level')));
      assert(!levelsShown.includes('info'), 'info lines still shown after unchecking info');
      await page.check('[data-testid="log-level-info"]');
      await page.fill('[data-testid="log-search"]', 'zzz-no-such-line-zzz');
      assert((await page.locator('[data-testid="log-line"]').count()) === 0, 'search did not filter');
      await page.fill('[data-testid="log-search"]', '');
      log(`${lines} log lines in the tail`);
    });

    await test('the run is in the history and its detail page shows DONE', async () => {
      await goTo(page, 'Execuções', '/runs');
      const row = page.locator(`[data-testid="run-row"][data-run-id="${smallRunId}"]`);
      await row.waitFor({ timeout: 10_000 });
      await row.getByRole('link').first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/runs/') && !url.pathname.endsWith('/compare'), { timeout: 15_000 });
      await page.waitForSelector('[data-testid="run-phase"][data-phase="DONE"]', { timeout: 10_000 });
    });

    let largeRunId = null;
    await test('a larger run cancelled from the UI ends ABORTED', async () => {
      await goTo(page, 'Visão geral', '/');
      await page.fill('[data-testid="quantity"]', String(largeRun));
      let sequence = await resultSequence(page);
      await page.click('[data-testid="action-generate"]');
      await nextResult(page, sequence);
      // Let it process for a while, so the mid-run screenshot shows real progress and a chart.
      await waitFor('processing under way', async () => {
        const phase = await phaseOnPage(page);
        if (phase === 'DONE' || phase === 'ERROR') throw new Error(`the run ended (${phase}) before it could be cancelled`);
        const processed = await numberOnPage(page, 'figure-progress.processedTotal');
        const points = Number((await page.getAttribute('[data-testid="throughput-chart"]', 'data-points').catch(() => 0)) || 0);
        return processed >= largeRun * 0.2 && points >= 8;
      }, { timeoutMs: 180_000, intervalMs: 250 });
      assert(await page.isEnabled('[data-testid="action-cancel"]'), 'cancel should be enabled during a run');
      const midRun = path.join(RESULTS, 'dashboard-mid-run.png');
      await page.screenshot({ path: midRun, fullPage: false });
      mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
      copyFileSync(midRun, DOCS_SCREENSHOT);
      largeRunId = (await api('/pedidos')).body.lastRunId;
      sequence = await resultSequence(page);
      await clickConfirmed(page, 'action-cancel');
      // The phase event arrives as soon as the run is aborted; the HTTP answer can take longer (purge).
      await waitForPhase(page, 'ABORTED', 30_000);
      const result = await nextResult(page, sequence, 120_000);
      assert(/cancelada/.test(result.text), `unexpected cancel result: ${result.text}`);
      const status = await api('/pedidos');
      assert(status.body.phase === 'ABORTED', `API phase is ${status.body.phase}`);
      assert(await page.isEnabled('[data-testid="action-generate"]'), 'generate should be enabled again');
    });

    await test('the two runs can be compared side by side', async () => {
      assert(smallRunId && largeRunId, 'both runs are needed');
      await page.goto(`${dashboardUrl}/runs/compare?a=${smallRunId}&b=${largeRunId}`, { timeout: 30_000 });
      await page.waitForSelector('[data-testid="compare-table"]', { timeout: 10_000 });
      const rows = await page.locator('[data-testid="compare-table"] tbody tr').count();
      assert(rows >= 10, `comparison has ${rows} rows`);
      await page.goto(dashboardUrl, { timeout: 30_000 });
      await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
      await page.evaluate(() => {
        window.__e2eNoReload = true;
      });
    });

    await runSeriesChecks({ browser, test, assert, api, waitFor, log, dashboardUrl, backendUrl, results: RESULTS }, { doneRunId: smallRunId, otherRunId: largeRunId, runSize: largeRun });

    await test('the queue page shows counts per state and the jobs table', async () => {
      await goTo(page, 'Fila', '/queue');
      const { body } = await api('/pedidos/queue/status');
      await page.waitForSelector('[data-testid="queue-total-completed"]', { timeout: 10_000 });
      await page.waitForSelector('[data-testid="jobs-table"]', { timeout: 10_000 });
      const shown = (await page.locator('[data-testid="queue-total-failed"]').innerText()).trim();
      assert(shown === body.totals.failed.toLocaleString('pt-BR'), `failed shown ${shown}, API ${body.totals.failed}`);
      await goTo(page, 'Visão geral', '/');
    });

    await test('with the socket blocked, the page says so and still follows a run by polling', async () => {
      const blocked = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-BR' });
      try {
        await blocked.routeWebSocket(/socket\.io/, (ws) => ws.close());
        await blocked.route('**/socket.io/**', (route) => route.abort());
        const other = await blocked.newPage();
        await other.goto(dashboardUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        await other.waitForSelector('[data-testid="connection"]:not([data-status="connected"]):not([data-status="connecting"])', { timeout: 20_000 });
        const started = await api(`/pedidos/generate?quantity=${SMALL_RUN}&autoProcess=true`, 'POST');
        assert(started.status === 202, `generate answered ${started.status}`);
        await waitForPhase(other, ACTIVE.concat('DONE'), 30_000);
        await waitForPhase(other, 'DONE', 120_000);
        const { body } = await api('/pedidos');
        await waitFor('polled counts to match the API', async () => (await numberOnPage(other, 'count-normal')) === body.counts.normal, { timeoutMs: 10_000 });
        assert((await other.getAttribute('[data-testid="connection"]', 'data-status')) !== 'connected', 'blocked page claims to be live');
      } finally {
        await blocked.close();
      }
    });

    await test('two-step run: generate without auto-processing, then Process from the UI', async () => {
      await page.fill('[data-testid="quantity"]', String(SMALL_RUN));
      await page.uncheck('[data-testid="auto-process"]');
      let sequence = await resultSequence(page);
      await page.click('[data-testid="action-generate"]');
      const generated = await nextResult(page, sequence);
      assert(/duas etapas/.test(generated.text), `unexpected generate result: ${generated.text}`);
      await waitFor('Process to be enabled', () => page.isEnabled('[data-testid="action-process"]'), { timeoutMs: 60_000, intervalMs: 100 });
      assert((await phaseOnPage(page)) === 'GENERATING', 'a run waiting for Process should be in GENERATING');
      assert((await api('/pedidos')).body.awaitingProcess === true, 'API does not report awaitingProcess');
      sequence = await resultSequence(page);
      await page.click('[data-testid="action-process"]');
      const processed = await nextResult(page, sequence);
      assert(/Processamento iniciado/.test(processed.text), `unexpected process result: ${processed.text}`);
      await waitForPhase(page, 'DONE', 120_000);
      await page.check('[data-testid="auto-process"]');
    });

    await test('the socket reconnects by itself after the backend restarts', async () => {
      await stopProcess(backendProcess);
      await page.waitForSelector('[data-testid="connection"]:not([data-status="connected"])', { timeout: 20_000 });
      await startBackend();
      await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 30_000 });
      assert(await page.evaluate(() => window.__e2eNoReload === true), 'the page was reloaded');
    });

    await test('switching to English relabels the page and keeps the numbers', async () => {
      await page.click('[data-testid="lang-en"]');
      await page.waitForSelector('html[lang="en"]', { timeout: 15_000 });
      await page.getByRole('button', { name: 'Generate' }).waitFor({ timeout: 10_000 });
      await page.click('[data-testid="lang-pt-BR"]');
      await page.waitForSelector('html[lang="pt-BR"]', { timeout: 15_000 });
    });

    await test('the theme follows the system, and the switch chooses light or dark over it', async () => {
      // One palette of light-dark() colours (globals.css): the page's background tells which one is in use.
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const LIGHT = 'rgb(244, 246, 248)';
      const DARK = 'rgb(15, 18, 22)';
      await page.click('[data-testid="theme-system"]');
      await page.emulateMedia({ colorScheme: 'dark' });
      await waitFor('the system dark theme', async () => (await background()) === DARK, { timeoutMs: 5_000 });
      await page.click('[data-testid="theme-light"]');
      await waitFor('the chosen light theme over a dark system', async () => (await background()) === LIGHT, { timeoutMs: 5_000 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.click('[data-testid="theme-dark"]');
      await waitFor('the chosen dark theme over a light system', async () => (await background()) === DARK, { timeoutMs: 5_000 });
      await page.click('[data-testid="theme-system"]');
      await waitFor('the system light theme', async () => (await background()) === LIGHT, { timeoutMs: 5_000 });
    });

    await test('reset from the UI clears the runs', async () => {
      await waitFor('reset to be enabled', () => page.isEnabled('[data-testid="action-reset"]'), { timeoutMs: 15_000 });
      const sequence = await resultSequence(page);
      await clickConfirmed(page, 'action-reset');
      // Deletes every order of the runs above: seconds on FerretDB when the machine is busy.
      const result = await nextResult(page, sequence, 60_000);
      assert(/Reiniciado/.test(result.text), `unexpected reset result: ${result.text}`);
      await waitForPhase(page, 'IDLE', 15_000);
      const runs = await api('/pedidos/runs?page=1&limit=5');
      assert(runs.body.total === 0, `runs left after reset: ${runs.body.total}`);
      await page.screenshot({ path: path.join(RESULTS, 'dashboard-after-reset.png'), fullPage: true });
    });

    await test('phone width: no sideways scrolling, controls reachable', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await sleep(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
      await page.locator('[data-testid="action-generate"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, 'dashboard-phone.png'), fullPage: true });
    });

    await eventsChecks(page);
    await retryChecks({
      page, dashboardUrl, backendUrl, apiKey: API_KEY, mongoUri: process.env.MONGO_URI, eventsFailMarker: EVENTS_FAIL_MARKER,
      api, test, assert, goTo, numberOnPage, log,
      restartBackend: async (env) => {
        await stopProcess(backendProcess);
        await startBackend(env);
      },
    });
    await queueBoardChecks(page);
    await orderSearchChecks(page, { test, assert, api, waitFor, dashboardUrl, active: ACTIVE });
    await millionChecks(browser);
    await alertChecks({
      page,
      api,
      test,
      assert,
      waitFor,
      restartBackend: async (extraEnv) => {
        await stopProcess(backendProcess);
        await startBackend(extraEnv);
      },
      dashboardUrl,
      resultsDir: RESULTS,
      log,
    });

    await test('no uncaught errors in the page', async () => {
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
    });
  } finally {
    await browser.close().catch(() => {});
  }
}

/** The Eventos page: reset, a real burst from the browser with live rates, totals against the API and the database, English. */
async function eventsChecks(page) {
  const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'purchase', 'login', 'logout'];
  const BURST = { count: 3000, rate: 300 };
  const metrics = async () => (await api('/events/metrics')).body;
  await page.setViewportSize({ width: 1366, height: 900 });

  await test('the Eventos page opens from the navigation, in Portuguese, with the live metrics', async () => {
    await goTo(page, 'Eventos', '/eventos');
    await page.getByRole('heading', { level: 1, name: 'Eventos' }).waitFor({ timeout: 10_000 });
    await page.waitForSelector('[data-testid="events-rate-accepted"]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
  });

  await test('reset events from the page (with confirmation) empties the intake', async () => {
    const sequence = await resultSequence(page, 'events-action-result');
    await clickConfirmed(page, 'events-reset');
    const result = await nextResult(page, sequence, 30_000, 'events-action-result');
    assert(/Apagados/.test(result.text), `unexpected reset result: ${result.text}`);
    const body = await metrics();
    assert(body.accepted === 0 && body.stored === 0 && body.inQueue === 0, `metrics after reset: ${JSON.stringify(body).slice(0, 200)}`);
    assert((await storedEventCounts(process.env.MONGO_URI, [])).total === 0, 'user_interactions is not empty after reset');
    await waitFor('the page to show zero stored', async () => (await numberOnPage(page, 'figure-events.stored')) === 0, { timeoutMs: 10_000 });
  });

  await test(`a burst of ${BURST.count.toLocaleString('en')} events at ${BURST.rate}/s from the page shows live rates while it runs`, async () => {
    await page.fill('[data-testid="events-burst-count"]', String(BURST.count));
    await page.fill('[data-testid="events-burst-rate"]', String(BURST.rate));
    await page.click('[data-testid="events-burst-start"]');
    const acceptedRates = new Set();
    const storedRates = new Set();
    await waitFor('live rates during the burst', async () => {
      const state = await page.getAttribute('[data-testid="events-burst-status"]', 'data-state');
      if (state !== 'running') throw new Error(`burst ${state} before live rates were seen`);
      acceptedRates.add(await numberOnPage(page, 'events-rate-accepted'));
      storedRates.add(await numberOnPage(page, 'events-rate-stored'));
      const points = Number((await page.getAttribute('[data-testid="events-chart"]', 'data-points').catch(() => 0)) || 0);
      const live = [...acceptedRates].some((rate) => rate > 0) && [...storedRates].some((rate) => rate > 0) && points >= 3;
      return live && acceptedRates.size >= 3;
    }, { timeoutMs: 30_000, intervalMs: 150 });
    // Half-way through, the chart has a few seconds of the burst: the picture for the README.
    await waitFor('the burst half sent', async () => Number(await page.getAttribute('[data-testid="events-burst-status"]', 'data-accepted')) >= BURST.count / 2, { timeoutMs: 30_000, intervalMs: 100 });
    const shot = path.join(RESULTS, 'eventos-burst.png');
    await page.screenshot({ path: shot, fullPage: false });
    copyFileSync(shot, EVENTS_SCREENSHOT);
    assert(await page.evaluate(() => window.__e2eNoReload === true), 'the page was reloaded');
    const during = await metrics();
    assert(during.rates.acceptedPerSec > 0, `API accepted rate during the burst: ${during.rates.acceptedPerSec}`);
    log(`accepted rates seen on the page: ${[...acceptedRates].join(', ')}; stored: ${[...storedRates].join(', ')}`);
  });

  await test('after the burst the totals on the page equal GET /events/metrics and the database', async () => {
    await page.waitForSelector('[data-testid="events-burst-status"][data-state="done"]', { timeout: 60_000 });
    const accepted = Number(await page.getAttribute('[data-testid="events-burst-status"]', 'data-accepted'));
    assert(accepted === BURST.count, `the backend accepted ${accepted} of ${BURST.count}`);
    const settled = await waitFor('every accepted event to be stored', async () => {
      const body = await metrics();
      return body.inQueue === 0 && body.stored === BURST.count ? body : null;
    }, { timeoutMs: 60_000, intervalMs: 250 });
    const database = await storedEventCounts(process.env.MONGO_URI, EVENT_TYPES);
    assert(database.total === BURST.count, `user_interactions holds ${database.total}, expected ${BURST.count}`);
    await waitFor('page totals to match the API and the database', async () => {
      const body = await metrics();
      const pairs = [
        ['figure-events.accepted', body.accepted],
        ['figure-events.stored', body.stored],
        ['figure-events.deadLettered', body.deadLettered],
        ['events-in-queue', body.inQueue],
        ...EVENT_TYPES.map((type) => [`events-type-${type}`, body.byType[type]]),
      ];
      for (const [testId, expected] of pairs) {
        const actual = await numberOnPage(page, testId);
        if (actual !== expected) throw new Error(`${testId}: page ${actual}, API ${expected}`);
      }
      for (const type of EVENT_TYPES) {
        if (body.byType[type] !== database.byType[type]) throw new Error(`${type}: API ${body.byType[type]}, database ${database.byType[type]}`);
      }
      return true;
    }, { timeoutMs: 15_000, intervalMs: 250 });
    const shown = (await page.locator('[data-testid="figure-events.stored"]').innerText()).trim();
    assert(shown === BURST.count.toLocaleString('pt-BR'), `stored shown as "${shown}"`);
    assert((await page.locator('[data-testid="events-batch-row"]').count()) > 0, 'no recent batch listed');
    log(`stored ${settled.stored} in ${settled.batches.stored} batches; by type ${JSON.stringify(database.byType)}`);
  });

  await test('poison events become dead letters on the page, and retry from the page requeues them', async () => {
    const poison = Array.from({ length: 5 }, (_, n) => ({
      eventId: `e2e-poison-${Date.now()}-${n}`,
      userId: 'e2e-user',
      sessionId: 'e2e-session',
      eventType: 'purchase',
      eventData: { [EVENTS_FAIL_MARKER]: true },
    }));
    const sent = await fetch(`${backendUrl}/events/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ events: poison }),
      signal: AbortSignal.timeout(10_000),
    });
    assert(sent.status === 202, `poison batch answered ${sent.status}`);
    // Refused on every attempt (MAX_ATTEMPTS with exponential backoff), then dead-lettered.
    await waitFor('5 dead letters on the page', async () => (await numberOnPage(page, 'events-dead-total')) === poison.length, { timeoutMs: 180_000, intervalMs: 250 });
    const { body } = await api('/events/dead-letters?page=1&limit=20');
    assert(body.total === poison.length && (await metrics()).deadLettered === poison.length, `API dead letters ${body.total}`);
    const rows = await page.locator('[data-testid="events-dead-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')).sort());
    assert(JSON.stringify(rows) === JSON.stringify(poison.map((event) => event.eventId).sort()), `rows shown: ${rows.join(', ')}`);
    const sequence = await resultSequence(page, 'events-dead-result');
    await clickConfirmed(page, 'events-dead-retry-all');
    const result = await nextResult(page, sequence, 30_000, 'events-dead-result');
    assert(/^5 eventos reenfileirados/.test(result.text), `unexpected retry result: ${result.text}`);
    await waitFor('the page to show the dead letters gone', async () => (await numberOnPage(page, 'events-dead-total')) === 0, { timeoutMs: 10_000 });
  });

  await test('switching to English relabels the Eventos page and keeps its numbers', async () => {
    await page.click('[data-testid="lang-en"]');
    await page.waitForSelector('html[lang="en"]', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Send burst' }).waitFor({ timeout: 10_000 });
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor({ timeout: 20_000 });
    await page.getByRole('navigation', { name: /navigation/i }).getByRole('link', { name: 'Events' }).waitFor({ timeout: 5000 });
    const shown = (await page.locator('[data-testid="figure-events.stored"]').innerText()).trim();
    assert(shown === BURST.count.toLocaleString('en'), `stored shown as "${shown}" in English`);
    await page.click('[data-testid="lang-pt-BR"]');
    await page.waitForSelector('html[lang="pt-BR"]', { timeout: 15_000 });
    await page.getByRole('heading', { level: 1, name: 'Eventos' }).waitFor({ timeout: 20_000 });
  });

  await test('the Eventos page at phone width: no sideways scrolling, burst form reachable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await sleep(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
    await page.locator('[data-testid="events-burst-start"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, 'eventos-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  });
}

/** Bull Board at /admin/queues on the backend: behind the API key as basic auth, showing both lanes and a run's jobs. */
async function queueBoardChecks(page) {
  const board = `${backendUrl}/admin/queues`;

  await test('Bull Board asks for the API key as basic auth, and refuses a wrong one', async () => {
    const anonymous = await fetch(board, { signal: AbortSignal.timeout(10_000) });
    assert(anonymous.status === 401, `without credentials: ${anonymous.status}`);
    assert(/^Basic /.test(anonymous.headers.get('www-authenticate') || ''), 'no WWW-Authenticate: Basic challenge');
    assert((await anonymous.json()).code === 'UNAUTHORIZED', 'not the common error shape');
    const wrong = await fetch(`${board}/api/queues`, { headers: { authorization: `Basic ${Buffer.from('operator:not-the-key').toString('base64')}` }, signal: AbortSignal.timeout(10_000) });
    assert(wrong.status === 401, `with a wrong password: ${wrong.status}`);
  });

  await test('Bull Board shows both lanes, the events queue, and the jobs of a run in progress', async () => {
    // A run left active by an earlier check (on a slow machine) serves as well as a new one, and needs no cancel.
    const current = (await api('/pedidos')).body;
    let runId = current?.lastRunId;
    const ownRun = !ACTIVE.includes(current?.phase);
    if (ownRun) {
      const started = await api(`/pedidos/generate?quantity=${largeRun}`, 'POST');
      assert(started.status === 202, `generate answered ${started.status}`);
      runId = started.body.runId;
    }
    const operator = await page.context().browser().newContext({ httpCredentials: { username: 'operator', password: API_KEY }, viewport: { width: 1366, height: 900 } });
    try {
      await waitFor('VIP jobs in the queue', async () => {
        const { body } = await api('/pedidos/queue/status');
        return body.queues.vip.waiting + body.queues.vip.active + body.queues.vip.completed > 0;
        // With ORDERS_PER_JOB=5000 the first VIP slice is queued once about 25,000 orders are stored.
      }, { timeoutMs: 180_000, intervalMs: 500 });
      const boardPage = await operator.newPage();
      await boardPage.goto(board, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await boardPage.getByText('VIP lane').first().waitFor({ timeout: 20_000 });
      await boardPage.getByText('NORMAL lane').first().waitFor({ timeout: 20_000 });
      await boardPage.getByText('Events', { exact: true }).first().waitFor({ timeout: 20_000 });
      await boardPage.goto(`${board}/queue/orders-vip`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      // A job is a slice of the run: its id names the run, the lane and the seq range.
      await boardPage.getByText(new RegExp(`${runId}:VIP:\\d+-\\d+`)).first().waitFor({ timeout: 20_000 });
      await boardPage.screenshot({ path: path.join(RESULTS, 'queue-board.png'), fullPage: false });
      const { body } = await api('/pedidos');
      assert(body.lastRunId === runId && ACTIVE.includes(body.phase), `the run was no longer in progress when its jobs showed (${body.phase})`);
    } finally {
      await operator.close().catch(() => {});
      if (ownRun) await api('/pedidos/cancel?purge=true&removePending=true', 'POST').catch(() => {});
    }
  });
}

/** Matches React's hydration failures, minified (#418, #423, #425) or not. */
const HYDRATION_ERROR = /Minified React error #(418|423|425)|Hydration failed|did not match|hydrat/i;
/**
 * Held back on each full load: the root error boundary's chunk (while it loads, the route's content under
 * <main> is a lazy node: the trigger of #418, README) and each page's own chunk (so the layout and its
 * socket bridge hydrate and take socket events before the page does).
 */
const LATE_CHUNKS = /\/_next\/static\/chunks\/app\/(error-[^/]*|(queue\/|runs\/)?page-[^/]*)\.js$/;
const LATE_CHUNK_MS = 1500;
/** Each page, and an element its own client code renders: once React owns it, the page has hydrated. */
const LOADED_DURING_RUN = [
  { pathname: '/', hydrated: '[data-testid="action-generate"]' },
  { pathname: '/queue', hydrated: '[data-testid="jobs-table"]' },
  { pathname: '/runs', hydrated: '[data-testid="runs-table"]' },
];
/** Before the fix, 15 of 24 such loads here failed (62 %); 9 loads all pass by chance with p < 0.001. */
const HYDRATION_LOADS = 9;
/** The run that sends socket events during the loads; the estimate check below needs one of at least 10,000. */
const ESTIMATE_RUN = 10_000;

/**
 * Resolves once React has attached its fiber to the element (hydrated it, or rendered it on the client after a
 * mismatch) and two frames have passed, so that render has been committed and any recoverable error reported.
 */
async function ownedByReact(page, selector) {
  await page.waitForFunction(
    (css) => {
      const element = document.querySelector(css);
      return element !== null && Object.keys(element).some((key) => key.startsWith('__reactFiber$'));
    },
    selector,
    { timeout: 20_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Issue 12: full page loads while socket events arrive and chunks arrive late must hydrate cleanly, and the
 * overview shows the expected duration of the quantity asked for (with the FerretDB notice on FerretDB).
 */
async function millionChecks(browser) {
  const server = (await api('/pedidos/server')).body;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-BR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  let lateChunks = 0;
  await page.route(LATE_CHUNKS, async (route) => {
    lateChunks++;
    await sleep(LATE_CHUNK_MS);
    await route.continue();
  });
  try {
    await test('no page of the navigation puts an element that waits for a client module straight under an HTML element (#418)', async () => {
      const overview = await (await fetch(dashboardUrl, { signal: AbortSignal.timeout(30_000) })).text();
      const nav = /<nav[^>]*class="main-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(overview)?.[1] ?? '';
      const pathnames = [...nav.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]);
      assert(pathnames.length >= 3, `navigation links found: ${pathnames.join(', ')}`);
      const findings = [];
      for (const pathname of pathnames) {
        const html = await (await fetch(`${dashboardUrl}${pathname}`, { signal: AbortSignal.timeout(30_000) })).text();
        findings.push(...moduleWaitsUnderHtmlElements(html).map((finding) => `${pathname}: ${finding}`));
      }
      assert(findings.length === 0, `elements waiting for a client module under HTML elements: ${findings.join(' | ')}`);
    });

    await test('full page loads with late chunks, while a run sends socket events, hydrate without a mismatch', async () => {
      const before = await api('/pedidos');
      if (ACTIVE.includes(before.body?.phase)) await api('/pedidos/cancel?purge=true&removePending=true', 'POST');
      const started = await api(`/pedidos/generate?quantity=${ESTIMATE_RUN}`, 'POST');
      assert(started.status === 202, `generate answered ${started.status}`);
      let duringRun = 0;
      for (let load = 0; load < HYDRATION_LOADS; load++) {
        const { pathname, hydrated } = LOADED_DURING_RUN[load % LOADED_DURING_RUN.length];
        await page.goto(`${dashboardUrl}${pathname}`, { waitUntil: 'load', timeout: 30_000 });
        await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
        await ownedByReact(page, hydrated);
        if (ACTIVE.includes((await api('/pedidos')).body?.phase)) duringRun++;
      }
      const failures = errors.filter((line) => HYDRATION_ERROR.test(line) || line.startsWith('pageerror:'));
      log(`${HYDRATION_LOADS} full page loads (${duringRun} during the run), ${lateChunks} chunks held back; ${errors.length} console/page errors`);
      assert(lateChunks >= HYDRATION_LOADS * 2, `only ${lateChunks} chunks were held back`);
      assert(failures.length === 0, `hydration or page errors: ${failures.join(' | ')}`);
    });

    await test('next to the quantity: the expected duration on this server, and the FerretDB notice', async () => {
      await page.unroute(LATE_CHUNKS);
      // The estimate needs a measured run of at least 10,000 orders: the one of the check above, or a new one.
      const current = (await api('/pedidos')).body;
      if (!ACTIVE.includes(current?.phase) && !(current?.phase === 'DONE' && current?.progress?.target >= ESTIMATE_RUN)) {
        const started = await api(`/pedidos/generate?quantity=${ESTIMATE_RUN}`, 'POST');
        assert(started.status === 202, `generate answered ${started.status}`);
      }
      await waitFor('the 10,000-order run to finish', async () => (await api('/pedidos')).body?.phase === 'DONE', { timeoutMs: 240_000, intervalMs: 500 });
      await page.goto(dashboardUrl, { waitUntil: 'load', timeout: 30_000 });
      const name = `${server.server.kind === 'ferretdb' ? 'FerretDB' : 'MongoDB'}`;
      const duration = page.locator('[data-testid="run-estimate-duration"]');
      await duration.waitFor({ timeout: 15_000 });
      const text = await duration.innerText();
      assert(/^cerca de \d+ (s|min|h)/.test(text) && text.includes(name) && text.includes('neste servidor'), `estimate reads "${text}"`);
      await page.fill('[data-testid="quantity"]', '20000');
      await waitFor('the estimate to follow the quantity', async () => (await duration.innerText()) !== text, { timeoutMs: 5_000 });
      const notice = page.locator('[data-testid="run-estimate-ferretdb"]');
      if (server.server.kind === 'ferretdb') {
        assert(/MONGO_URI=/.test(await notice.innerText()) && /docker compose up/.test(await notice.innerText()), 'the FerretDB notice lacks the way to use MongoDB');
      } else {
        assert((await notice.count()) === 0, 'the FerretDB notice shows on MongoDB');
      }
      await page.click('[data-testid="lang-en"]');
      await page.waitForSelector('html[lang="en"]', { timeout: 15_000 });
      await waitFor('the English estimate', async () => /^about .+ on this server$/.test(await duration.innerText()), { timeoutMs: 10_000 });
      await page.click('[data-testid="lang-pt-BR"]');
      await page.waitForSelector('html[lang="pt-BR"]', { timeout: 15_000 });
    });
  } finally {
    await context.close().catch(() => {});
  }
}

runSuite({ what: 'the whole e2e', main, results, timeoutMs: TOTAL_TIMEOUT_MS, log });
