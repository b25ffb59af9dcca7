// The live log tail, the queue page, and Bull Board behind the API key.
import path from 'node:path';
import { ACTIVE_PHASES as ACTIVE } from '@pedidos/contract';
import { goTo, openLive } from './support/dashboard-page';
import { API_KEY, expect, test } from './support/fixtures';
import { RESULTS } from './support/paths';
import { endActiveRun, finishedRun, runLasting, startRun } from './support/runs';

test('log lines from the backend appear in the live tail, and the level filter works', async ({ page, stack }) => {
  await finishedRun(stack, 2000);
  await openLive(page);
  await goTo(page, 'Logs', '/logs');
  const lines = page.locator('[data-testid="log-line"]');
  await expect.poll(() => lines.count(), { message: 'log lines', timeout: 15_000 }).toBeGreaterThan(0);
  await page.uncheck('[data-testid="log-level-info"]');
  expect(await lines.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-level'))), 'levels shown without info').not.toContain('info');
  await page.check('[data-testid="log-level-info"]');
  await page.fill('[data-testid="log-search"]', 'zzz-no-such-line-zzz');
  await expect(lines).toHaveCount(0);
  await page.fill('[data-testid="log-search"]', '');
  await expect.poll(() => lines.count()).toBeGreaterThan(0);
});

test('the queue page shows counts per state and the jobs table', async ({ page, stack }) => {
  await finishedRun(stack, 2000);
  await openLive(page);
  await goTo(page, 'Fila', '/queue');
  const { body } = await stack.api('/pedidos/queue/status');
  await page.locator('[data-testid="queue-total-completed"]').waitFor();
  await page.locator('[data-testid="jobs-table"]').waitFor();
  await expect(page.locator('[data-testid="queue-total-failed"]')).toHaveText(body.totals.failed.toLocaleString('pt-BR'));
});

test('Bull Board asks for the API key as basic auth, and refuses a wrong one', async ({ stack }) => {
  const board = `${stack.backendUrl}/admin/queues`;
  const anonymous = await fetch(board, { signal: AbortSignal.timeout(10_000) });
  expect(anonymous.status, 'without credentials').toBe(401);
  expect(anonymous.headers.get('www-authenticate') || '').toMatch(/^Basic /);
  expect((await anonymous.json()).code, 'the common error shape').toBe('UNAUTHORIZED');
  const wrong = await fetch(`${board}/api/queues`, { headers: { authorization: `Basic ${Buffer.from('operator:not-the-key').toString('base64')}` }, signal: AbortSignal.timeout(10_000) });
  expect(wrong.status, 'with a wrong password').toBe(401);
});

test('Bull Board shows both lanes, the events queue, and the jobs of a run in progress', async ({ browser, stack }) => {
  const board = `${stack.backendUrl}/admin/queues`;
  const runId = await startRun(stack, await runLasting(stack));
  const operator = await browser.newContext({ httpCredentials: { username: 'operator', password: API_KEY }, viewport: { width: 1366, height: 900 } });
  try {
    // With ORDERS_PER_JOB=5000 the first VIP slice is queued once about 25,000 orders are stored.
    await expect
      .poll(async () => {
        const { body } = await stack.api('/pedidos/queue/status');
        return body.queues.vip.waiting + body.queues.vip.active + body.queues.vip.completed;
      }, { message: 'VIP jobs in the queue', timeout: 180_000, intervals: [500] })
      .toBeGreaterThan(0);
    const boardPage = await operator.newPage();
    await boardPage.goto(board, { waitUntil: 'domcontentloaded' });
    await boardPage.getByText('VIP lane').first().waitFor({ timeout: 20_000 });
    await boardPage.getByText('NORMAL lane').first().waitFor({ timeout: 20_000 });
    await boardPage.getByText('Events', { exact: true }).first().waitFor({ timeout: 20_000 });
    await boardPage.goto(`${board}/queue/orders-vip`, { waitUntil: 'domcontentloaded' });
    // A job is a slice of the run: its id names the run, the lane and the seq range.
    await boardPage.getByText(new RegExp(`${runId}:VIP:\\d+-\\d+`)).first().waitFor({ timeout: 20_000 });
    await boardPage.screenshot({ path: path.join(RESULTS, 'queue-board.png') });
    const { body } = await stack.api('/pedidos');
    expect(body.lastRunId).toBe(runId);
    expect(ACTIVE, 'the run still in progress when its jobs showed').toContain(body.phase);
  } finally {
    await operator.close().catch(() => undefined);
    await endActiveRun(stack);
  }
});
