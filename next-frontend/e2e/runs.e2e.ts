// The run history: a run's page with its recorded throughput and CSV, the comparison of two runs, and the
// overview's live chart starting from the recorded series when opened mid-run.
import path from 'node:path';
import { goTo, openLive } from './support/dashboard-page';
import { expect, test } from './support/fixtures';
import { RESULTS } from './support/paths';
import { endActiveRun, finishedRun, runLasting, startRun } from './support/runs';
import type { Stack } from './support/stack';

async function reportOf(stack: Stack, runId: string) {
  const { status, body } = await stack.api(`/pedidos/runs/${runId}/report`);
  expect(status, `report of ${runId}`).toBe(200);
  return body;
}

/** Two finished runs, made once for this file's tests (a worker that starts again makes them again). */
let runs: { a: string; b: string } | null = null;
async function twoRuns(stack: Stack) {
  runs ??= { a: await finishedRun(stack, 3000), b: await finishedRun(stack, 2000) };
  return runs;
}

test('the run is in the history and its detail page shows DONE', async ({ page, stack }) => {
  const { b } = await twoRuns(stack);
  await openLive(page);
  await goTo(page, 'Execuções', '/runs');
  const row = page.locator(`[data-testid="run-row"][data-run-id="${b}"]`);
  await row.getByRole('link').first().click();
  await page.waitForURL((url) => url.pathname === `/runs/${b}`, { timeout: 15_000 });
  await page.locator('[data-testid="run-phase"][data-phase="DONE"]').waitFor({ timeout: 10_000 });
});

test("a finished run's page draws its recorded throughput, and links its CSV report", async ({ page, stack }) => {
  const { a } = await twoRuns(stack);
  const recorded = await reportOf(stack, a);
  expect(recorded.phase).toBe('DONE');
  expect(recorded.series.recorded, 'series recorded').toBe(true);
  await page.goto(`/runs/${a}`, { waitUntil: 'domcontentloaded' });
  const chart = page.locator('[data-testid="run-series-chart"]');
  await chart.waitFor();
  const points = Number(await chart.getAttribute('data-points'));
  expect(points, 'chart points').toBe(recorded.series.points.length);
  expect(points).toBeGreaterThanOrEqual(2);
  for (const lane of ['vip', 'normal']) expect(await chart.locator(`path.series[data-series="${lane}"]`).getAttribute('d'), `${lane} line`).toMatch(/^M[\d.]+ [\d.]+/);
  expect(await page.getAttribute('[data-testid="run-series"]', 'data-recorded')).toBe('true');
  expect(await page.getAttribute('[data-testid="run-report-csv"]', 'href')).toBe(`${stack.backendUrl}/pedidos/runs/${a}/report.csv`);
  await page.locator('[data-testid="run-series"]').screenshot({ path: path.join(RESULTS, 'run-series.png') });
});

test('two runs compared side by side: the table, and the recorded throughput of both overlaid', async ({ page, stack }) => {
  const { a, b } = await twoRuns(stack);
  const [reportA, reportB] = await Promise.all([reportOf(stack, a), reportOf(stack, b)]);
  await page.goto(`/runs/compare?a=${a}&b=${b}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="compare-table"]').waitFor();
  expect(await page.locator('[data-testid="compare-table"] tbody tr').count(), 'comparison rows').toBeGreaterThanOrEqual(10);
  // :visible — React may hold the streamed page in a hidden copy for a moment before it reveals it.
  const chart = page.locator('[data-testid="compare-series-chart"]:visible');
  await chart.waitFor();
  const lines = await chart.locator('path.series').evaluateAll((paths) =>
    paths.map((p) => ({ run: p.getAttribute('data-run'), runId: p.getAttribute('data-run-id'), lane: p.getAttribute('data-series'), drawn: /^M/.test(p.getAttribute('d') || '') })),
  );
  expect(lines).toEqual([
    { run: 'a', runId: a, lane: 'vip', drawn: true },
    { run: 'a', runId: a, lane: 'normal', drawn: true },
    { run: 'b', runId: b, lane: 'vip', drawn: true },
    { run: 'b', runId: b, lane: 'normal', drawn: true },
  ]);
  expect(Number(await chart.getAttribute('data-points'))).toBe(reportA.series.points.length + reportB.series.points.length);
  const dash = await chart.locator('path.series[data-run="b"]').first().evaluate((p) => getComputedStyle(p).strokeDasharray);
  expect(dash, 'run B dashed').not.toBe('none');
  expect(dash).toBeTruthy();
  await page.locator('[aria-labelledby="compare-series-title"]:visible').screenshot({ path: path.join(RESULTS, 'compare-series.png') });
});

test('the overview opened mid-run starts its live chart from the recorded series', async ({ page, stack }) => {
  const runId = await startRun(stack, await runLasting(stack));
  try {
    // Held once processing began, so the run is still going on however fast this machine is.
    await expect.poll(async () => (await stack.api('/pedidos')).body?.counts?.vip ?? 0, { message: 'processing under way', timeout: 180_000, intervals: [200] }).toBeGreaterThan(0);
    expect((await stack.api('/pedidos/queue/pause', { method: 'POST' })).status, 'pause').toBe(200);
    let createdAt = '';
    await expect
      .poll(async () => {
        const report = await reportOf(stack, runId);
        createdAt = report.createdAt;
        return report.series.points.length;
      }, { message: 'a few seconds of recorded series', timeout: 60_000, intervals: [500] })
      .toBeGreaterThanOrEqual(4);
    const openedAt = Date.now();
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    let firstAt = NaN;
    await expect
      .poll(async () => {
        firstAt = Number((await page.getAttribute('[aria-labelledby="chart-title"]', 'data-first-sample-at')) ?? NaN);
        return Number.isFinite(firstAt) && firstAt < openedAt - 1_000;
      }, { message: 'the chart to start before the page was opened', timeout: 20_000, intervals: [200] })
      .toBe(true);
    expect(firstAt, 'first chart point after the run was created').toBeGreaterThanOrEqual(Date.parse(createdAt));
    expect(Number(await page.getAttribute('[data-testid="throughput-chart"]', 'data-points'))).toBeGreaterThanOrEqual(2);
  } finally {
    await stack.api('/pedidos/queue/resume', { method: 'POST' }).catch(() => undefined);
    await endActiveRun(stack);
  }
});
