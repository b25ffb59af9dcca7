// Browser checks of the alert banner (issue 13), run by dashboard.e2e.mjs with its harness.
import path from 'node:path';
import { ACTIVE_PHASES as ACTIVE } from '@pedidos/contract';

/** Small jobs and few consumers keep a VIP backlog to pause; the threshold is short so the banner comes soon, long enough that no job takes it. */
const ALERT_BACKEND = { STALL_ALERT_S: '5', ALERT_CHECK_EVERY_MS: '500', ORDERS_PER_JOB: '200', ORDERS_QUEUE_CONCURRENCY: '2', GENERATION_CHUNK_SIZE: '1000' };
const RUN = 20_000;

/**
 * The backend is restarted with a 5 s stall threshold; a run's queue is paused mid-run past it, and the banner
 * must show the stalled VIP lane on the open page (live, no reload), then go once the queue is resumed. The
 * backend is restarted with the suite's settings afterwards.
 */
export async function alertChecks({ page, api, test, assert, waitFor, restartBackend, dashboardUrl, resultsDir, log }) {
  await test('a lane stalled past STALL_ALERT_S (queue paused mid-run) shows the alert banner live, and resuming clears it', async () => {
    await restartBackend(ALERT_BACKEND);
    try {
      await page.goto(dashboardUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 30_000 });
      await page.evaluate(() => {
        window.__e2eNoReload = true;
      });
      const before = (await api('/pedidos')).body;
      if (ACTIVE.includes(before?.phase)) await api('/pedidos/cancel?purge=true&removePending=true', 'POST');
      assert((await page.locator('[data-testid="alert-banner"]').count()) === 0, 'a banner shows before anything went wrong');

      const started = await api(`/pedidos/generate?quantity=${RUN}`, 'POST');
      assert(started.status === 202, `generate answered ${started.status}`);
      // Paused while generating, the VIP lane keeps getting slices it cannot process.
      await waitFor('VIP processing under way while generating', async () => {
        const { body } = await api('/pedidos');
        if (!ACTIVE.includes(body.phase)) throw new Error(`the run ended (${body.phase}) before it could be paused`);
        return body.phase === 'GENERATING' && body.counts.vip >= 200 && body.progress.generated <= RUN - 5_000;
      }, { timeoutMs: 120_000, intervalMs: 50 });
      const paused = await api('/pedidos/queue/pause', 'POST');
      assert(paused.status === 200, `pause answered ${paused.status}`);

      const item = page.locator('[data-testid="alert-item"][data-key="lane-stalled:VIP"]');
      await item.waitFor({ state: 'visible', timeout: 60_000 });
      const text = await item.innerText();
      // A lane already stalled when the pause came (a slow job on a busy machine) keeps the words it opened with.
      assert(/Fila VIP (parada|sem progresso) desde \d\d:\d\d:\d\d/.test(text), `banner reads "${text}"`);
      assert((await item.getAttribute('data-severity')) === 'warning', 'a stalled lane is a warning');
      const { body: alerts } = await api('/pedidos/alerts');
      assert(alerts.open.some((alert) => alert.key === 'lane-stalled:VIP' && alert.runId === started.body.runId), `GET /pedidos/alerts: ${JSON.stringify(alerts.open)}`);
      await page.screenshot({ path: path.join(resultsDir, 'alert-banner.png'), fullPage: false });

      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `with the banner the page is ${overflow}px wider than the phone screen`);
      await page.setViewportSize({ width: 1366, height: 900 });

      const resumed = await api('/pedidos/queue/resume', 'POST');
      assert(resumed.status === 200, `resume answered ${resumed.status}`);
      await item.waitFor({ state: 'detached', timeout: 60_000 });
      assert(await page.evaluate(() => window.__e2eNoReload === true), 'the page was reloaded');
      log(`banner shown: "${text}"`);
    } finally {
      await api('/pedidos/queue/resume', 'POST').catch(() => {});
      const { body } = await api('/pedidos').catch(() => ({ body: null }));
      if (ACTIVE.includes(body?.phase)) await api('/pedidos/cancel?purge=true&removePending=true', 'POST').catch(() => {});
      await restartBackend({});
    }
  });
}
