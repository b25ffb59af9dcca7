// Issue 13, "every run's chart, afterwards": the recorded throughput series in the browser.
// Called by dashboard.e2e.mjs with its helpers once it has a finished run and a cancelled one.
import path from 'node:path';
import { ACTIVE_PHASES as ACTIVE } from '@pedidos/contract';


/**
 * @param {object} ctx the suite's helpers: browser, test, assert, api, waitFor, log, dashboardUrl, backendUrl, results (folder)
 * @param {{ doneRunId: string, otherRunId: string, runSize: number }} runs a DONE run, another run to compare it with, and a size that runs for a while
 */
export async function runSeriesChecks(ctx, { doneRunId, otherRunId, runSize }) {
  const { browser, test, assert, api, waitFor, log, dashboardUrl, backendUrl, results } = ctx;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-BR' });
  const page = await context.newPage();
  const report = async (runId) => {
    const { status, body } = await api(`/pedidos/runs/${runId}/report`);
    assert(status === 200, `report of ${runId} answered ${status}`);
    return body;
  };
  try {
    await test("a finished run's page draws its recorded throughput, and links its CSV report", async () => {
      assert(doneRunId, 'a finished run is needed');
      const recorded = await report(doneRunId);
      assert(recorded.phase === 'DONE' && recorded.series.recorded, `the run is ${recorded.phase}, series recorded: ${recorded.series.recorded}`);
      await page.goto(`${dashboardUrl}/runs/${doneRunId}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      const chart = page.locator('[data-testid="run-series-chart"]');
      await chart.waitFor({ timeout: 15_000 });
      const points = Number(await chart.getAttribute('data-points'));
      assert(points === recorded.series.points.length && points >= 2, `chart has ${points} points, the report ${recorded.series.points.length}`);
      for (const lane of ['vip', 'normal']) {
        const d = await chart.locator(`path.series[data-series="${lane}"]`).getAttribute('d');
        assert(/^M[\d.]+ [\d.]+/.test(d || ''), `${lane} line is not drawn: "${d}"`);
      }
      assert((await page.getAttribute('[data-testid="run-series"]', 'data-recorded')) === 'true', 'the page says nothing was recorded');
      const csv = await page.getAttribute('[data-testid="run-report-csv"]', 'href');
      assert(csv === `${backendUrl}/pedidos/runs/${doneRunId}/report.csv`, `CSV link is ${csv}`);
      await page.locator('[data-testid="run-series"]').screenshot({ path: path.join(results, 'run-series.png') });
    });

    await test('the comparison overlays the recorded throughput of both runs', async () => {
      assert(doneRunId && otherRunId, 'two runs are needed');
      const [a, b] = await Promise.all([report(doneRunId), report(otherRunId)]);
      await page.goto(`${dashboardUrl}/runs/compare?a=${doneRunId}&b=${otherRunId}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      // :visible — React may hold the streamed page in a hidden copy for a moment before it reveals it.
      const chart = page.locator('[data-testid="compare-series-chart"]:visible');
      await chart.waitFor({ timeout: 15_000 });
      const lines = await chart.locator('path.series').evaluateAll((paths) =>
        paths.map((p) => ({ run: p.getAttribute('data-run'), runId: p.getAttribute('data-run-id'), lane: p.getAttribute('data-series'), drawn: /^M/.test(p.getAttribute('d') || '') })),
      );
      const expected = [
        { run: 'a', runId: doneRunId, lane: 'vip', drawn: true },
        { run: 'a', runId: doneRunId, lane: 'normal', drawn: true },
        { run: 'b', runId: otherRunId, lane: 'vip', drawn: true },
        { run: 'b', runId: otherRunId, lane: 'normal', drawn: true },
      ];
      assert(JSON.stringify(lines) === JSON.stringify(expected), `lines drawn: ${JSON.stringify(lines)}`);
      const points = Number(await chart.getAttribute('data-points'));
      assert(points === a.series.points.length + b.series.points.length, `chart has ${points} points, the reports ${a.series.points.length} + ${b.series.points.length}`);
      const dash = await chart.locator('path.series[data-run="b"]').first().evaluate((p) => getComputedStyle(p).strokeDasharray);
      assert(dash && dash !== 'none', 'run B is not drawn dashed');
      await page.locator('[aria-labelledby="compare-series-title"]:visible').screenshot({ path: path.join(results, 'compare-series.png') });
    });

    await test('the overview opened mid-run starts its live chart from the recorded series', async () => {
      const before = await api('/pedidos');
      assert(!ACTIVE.includes(before.body?.phase), `a run is already active (${before.body?.phase})`);
      const started = await api(`/pedidos/generate?quantity=${runSize}`, 'POST');
      assert(started.status === 202, `generate answered ${started.status}`);
      const { runId } = started.body;
      try {
        // Held once processing began, so the run is still going on however fast this machine is.
        await waitFor('processing under way', async () => (await api('/pedidos')).body?.counts?.vip > 0, { timeoutMs: 180_000, intervalMs: 200 });
        assert((await api('/pedidos/queue/pause', 'POST')).status === 200, 'pause refused');
        const history = await waitFor('a few seconds of recorded series', async () => {
          const body = await report(runId);
          return body.series.points.length >= 4 ? body : null;
        }, { timeoutMs: 60_000, intervalMs: 500 });
        const openedAt = Date.now();
        const fresh = await context.newPage();
        await fresh.goto(dashboardUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        const firstAt = await waitFor('the chart to start before the page was opened', async () => {
          const raw = await fresh.getAttribute('[aria-labelledby="chart-title"]', 'data-first-sample-at');
          const value = raw === null ? NaN : Number(raw);
          return Number.isFinite(value) && value < openedAt - 1_000 ? value : null;
        }, { timeoutMs: 20_000, intervalMs: 200 });
        assert(firstAt >= Date.parse(history.createdAt), `first chart point ${firstAt} is before the run was created`);
        const points = Number(await fresh.getAttribute('[data-testid="throughput-chart"]', 'data-points'));
        assert(points >= 2, `chart has ${points} points`);
        log(`overview opened ${Math.round((openedAt - firstAt) / 1000)} s after the chart's first point; ${points} points`);
        await fresh.close();
      } finally {
        await api('/pedidos/cancel?purge=true&removePending=true', 'POST').catch(() => {});
      }
    });
  } finally {
    await context.close().catch(() => {});
  }
}
