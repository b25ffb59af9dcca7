// The overview: its controls through a whole run, cancel, two steps, the socket's fallbacks, language, theme, reset.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ACTIVE_PHASES as ACTIVE } from '@pedidos/contract';
import { clickConfirmed, expectNoReload, expectPhase, nextResult, numberOn, openLive, phaseOn, resultSequence, sidewaysOverflow } from './support/dashboard-page';
import { expect, test } from './support/fixtures';
import { RESULTS, ROOT } from './support/paths';
import { endActiveRun, endOf, finishedRun, runLasting, startRun } from './support/runs';

const SMALL_RUN = 3000;
const POLLED_RUN = 20_000;
/** The README's picture of a run in progress; rewritten only when asked (UPDATE_DOCS_SCREENSHOTS=1). */
const DOCS_SCREENSHOT = path.join(ROOT, 'docs', 'dashboard.png');

test.beforeEach(async ({ stack }) => endActiveRun(stack));

test('dashboard opens in Portuguese and its socket connects', async ({ page }) => {
  await openLive(page);
  expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
  await expect(page.locator('[data-testid="phase-badge"]')).toBeVisible();
});

test('reset from the UI (with confirmation) leaves the system idle, and idle allows generate/reset, not cancel/process/pause', async ({ page, stack }) => {
  await openLive(page);
  await expect(page.locator('[data-testid="action-reset"]')).toBeEnabled();
  const sequence = await resultSequence(page);
  await clickConfirmed(page, 'action-reset');
  // Deletes every order of the runs before: seconds on FerretDB when the machine is busy.
  expect(await nextResult(page, sequence, 60_000)).toMatch(/Reiniciado/);
  await expectPhase(page, 'IDLE', 15_000);
  expect((await stack.api('/pedidos')).body.phase).toBe('IDLE');
  expect((await stack.api('/pedidos/runs?page=1&limit=5')).body.total, 'runs left after reset').toBe(0);

  await expect(page.locator('[data-testid="action-generate"]')).toBeEnabled();
  await expect(page.locator('[data-testid="action-reset"]')).toBeEnabled();
  for (const id of ['action-cancel', 'action-process', 'action-pause']) await expect(page.locator(`[data-testid="${id}"]`), `${id} while idle`).toBeDisabled();
  await page.screenshot({ path: path.join(RESULTS, 'dashboard-after-reset.png'), fullPage: true });
});

test(`a run of ${SMALL_RUN.toLocaleString('en')} orders started from the UI reaches DONE with live updates, and the page equals GET /pedidos`, async ({ page, stack }) => {
  await openLive(page);
  await page.fill('[data-testid="quantity"]', String(SMALL_RUN));
  await page.check('[data-testid="auto-process"]');
  const sequence = await resultSequence(page);
  await page.click('[data-testid="action-generate"]');
  expect(await nextResult(page, sequence)).toMatch(/Geração iniciada/);
  // Until the new run's first phase arrives, the page may still show how the last run ended.
  await expectPhase(page, ACTIVE, 30_000);

  const percents = new Set<number | null>();
  await test.step('live updates until DONE, with generate and reset disabled meanwhile', async () => {
    await expect
      .poll(
        async () => {
          // Read in one go, so the phase and the buttons come from the same render.
          const shown = await page.evaluate(() => ({
            phase: document.querySelector('[data-testid="phase-badge"]')?.getAttribute('data-phase') ?? null,
            generate: (document.querySelector('[data-testid="action-generate"]') as HTMLButtonElement | null)?.disabled,
            reset: (document.querySelector('[data-testid="action-reset"]') as HTMLButtonElement | null)?.disabled,
          }));
          percents.add(await numberOn(page, 'progress-percent'));
          if (ACTIVE.includes(shown.phase as never)) {
            expect(shown.generate, `generate disabled in ${shown.phase}`).toBe(true);
            expect(shown.reset, `reset disabled in ${shown.phase}`).toBe(true);
          }
          return shown.phase;
        },
        { timeout: 120_000, intervals: [50] },
      )
      .toBe('DONE');
    expect(percents.size, 'progress percent values seen').toBeGreaterThanOrEqual(2);
    await expectNoReload(page);
  });

  await test.step('the counts on the page equal GET /pedidos', async () => {
    const { body } = await stack.api('/pedidos');
    expect(body.counts.vip + body.counts.normal).toBe(SMALL_RUN);
    const pairs: Array<[string, number]> = [
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
    // The last progress event may land a moment after DONE.
    await expect(async () => {
      for (const [testId, expected] of pairs) expect(await numberOn(page, testId), testId).toBe(expected);
    }).toPass({ timeout: 10_000 });
    await expect(page.locator('[data-testid="figure-progress.processedTotal"]')).toHaveText(SMALL_RUN.toLocaleString('pt-BR'));
  });

  await test.step('the throughput chart drew points from the live updates', async () => {
    expect(Number(await page.getAttribute('[data-testid="throughput-chart"]', 'data-points'))).toBeGreaterThanOrEqual(2);
  });
});

test('a larger run cancelled from the UI ends ABORTED', async ({ page, stack }) => {
  await finishedRun(stack, SMALL_RUN);
  const size = await runLasting(stack);
  await openLive(page);
  await page.fill('[data-testid="quantity"]', String(size));
  let sequence = await resultSequence(page);
  await page.click('[data-testid="action-generate"]');
  await nextResult(page, sequence);
  await expectPhase(page, ACTIVE, 30_000);
  // Processing for a while, so the picture shows real progress and a chart.
  await expect
    .poll(
      async () => {
        const phase = await phaseOn(page);
        if (phase === 'DONE' || phase === 'ERROR') throw new Error(`the run ended (${phase}) before it could be cancelled`);
        const processed = (await numberOn(page, 'figure-progress.processedTotal')) ?? 0;
        const points = Number((await page.getAttribute('[data-testid="throughput-chart"]', 'data-points')) || 0);
        return processed >= size * 0.2 && points >= 8;
      },
      { message: 'processing under way', timeout: 180_000, intervals: [250] },
    )
    .toBe(true);
  await expect(page.locator('[data-testid="action-cancel"]')).toBeEnabled();
  const midRun = path.join(RESULTS, 'dashboard-mid-run.png');
  await page.screenshot({ path: midRun });
  if (process.env.UPDATE_DOCS_SCREENSHOTS) {
    mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
    copyFileSync(midRun, DOCS_SCREENSHOT);
  }
  sequence = await resultSequence(page);
  await clickConfirmed(page, 'action-cancel');
  // The phase event arrives as soon as the run is aborted; the HTTP answer can take longer (purge).
  await expectPhase(page, 'ABORTED', 30_000);
  expect(await nextResult(page, sequence, 120_000)).toMatch(/cancelada/);
  expect((await stack.api('/pedidos')).body.phase).toBe('ABORTED');
  await expect(page.locator('[data-testid="action-generate"]')).toBeEnabled();
});

test('two-step run: generate without auto-processing, then Process from the UI', async ({ page, stack }) => {
  await openLive(page);
  await page.fill('[data-testid="quantity"]', String(SMALL_RUN));
  await page.uncheck('[data-testid="auto-process"]');
  let sequence = await resultSequence(page);
  await page.click('[data-testid="action-generate"]');
  expect(await nextResult(page, sequence)).toMatch(/duas etapas/);
  await expect(page.locator('[data-testid="action-process"]')).toBeEnabled({ timeout: 60_000 });
  expect(await phaseOn(page), 'a run waiting for Process').toBe('GENERATING');
  expect((await stack.api('/pedidos')).body.awaitingProcess).toBe(true);
  sequence = await resultSequence(page);
  await page.click('[data-testid="action-process"]');
  expect(await nextResult(page, sequence)).toMatch(/Processamento iniciado/);
  await expectPhase(page, 'DONE', 120_000);
});

test('with the socket blocked, the page says so and still follows a run by polling', async ({ page, stack }) => {
  await page.context().routeWebSocket(/socket\.io/, (ws) => ws.close());
  await page.context().route('**/socket.io/**', (route) => route.abort());
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="connection"]:not([data-status="connected"]):not([data-status="connecting"])').waitFor({ timeout: 20_000 });
  // Long enough for the page's 2 s polling to see it active.
  const runId = await startRun(stack, POLLED_RUN);
  await expectPhase(page, ACTIVE, 30_000);
  expect(await endOf(stack, runId), `run ${runId}`).toBe('DONE');
  await expectPhase(page, 'DONE', 30_000);
  const { body } = await stack.api('/pedidos');
  await expect.poll(() => numberOn(page, 'count-normal'), { message: 'polled counts', timeout: 10_000 }).toBe(body.counts.normal);
  expect(await page.getAttribute('[data-testid="connection"]', 'data-status'), 'a blocked page claiming to be live').not.toBe('connected');
});

test('the socket reconnects by itself after the backend restarts', async ({ page, stack }) => {
  await openLive(page);
  await stack.stopBackend();
  await page.locator('[data-testid="connection"]:not([data-status="connected"])').waitFor({ timeout: 20_000 });
  await stack.startBackend();
  await page.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 30_000 });
  await expectNoReload(page);
});

test('switching to English relabels the page and keeps the numbers', async ({ page, stack }) => {
  await finishedRun(stack, SMALL_RUN);
  await openLive(page);
  const shown = await numberOn(page, 'figure-progress.processedTotal');
  await page.click('[data-testid="lang-en"]');
  await page.locator('html[lang="en"]').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Generate' }).waitFor();
  await expect(page.locator('[data-testid="figure-progress.processedTotal"]')).toHaveText(SMALL_RUN.toLocaleString('en'));
  expect(await numberOn(page, 'figure-progress.processedTotal')).toBe(shown);
  await page.click('[data-testid="lang-pt-BR"]');
  await page.locator('html[lang="pt-BR"]').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Gerar' }).waitFor();
});

test('the theme follows the system, and the switch chooses light or dark over it', async ({ page }) => {
  await openLive(page);
  // One palette of light-dark() colours (globals.css): the page's background tells which one is in use.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT = 'rgb(244, 246, 248)';
  const DARK = 'rgb(15, 18, 22)';
  await page.click('[data-testid="theme-system"]');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background, { message: 'the system dark theme', timeout: 5_000 }).toBe(DARK);
  await page.click('[data-testid="theme-light"]');
  await expect.poll(background, { message: 'the chosen light theme over a dark system', timeout: 5_000 }).toBe(LIGHT);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.click('[data-testid="theme-dark"]');
  await expect.poll(background, { message: 'the chosen dark theme over a light system', timeout: 5_000 }).toBe(DARK);
  await page.click('[data-testid="theme-system"]');
  await expect.poll(background, { message: 'the system light theme', timeout: 5_000 }).toBe(LIGHT);
});

test('phone width: no sideways scrolling, controls reachable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLive(page);
  expect(await sidewaysOverflow(page), 'pixels wider than the phone screen').toBeLessThanOrEqual(1);
  await page.locator('[data-testid="action-generate"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(RESULTS, 'dashboard-phone.png'), fullPage: true });
});
