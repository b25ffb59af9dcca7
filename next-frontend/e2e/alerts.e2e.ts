// The alert banner: a lane stalled past STALL_ALERT_S shows live on the open page, and goes once it moves again.
import path from 'node:path';
import { ACTIVE_PHASES as ACTIVE } from '@pedidos/contract';
import { expectNoReload, openLive, sidewaysOverflow } from './support/dashboard-page';
import { expect, test } from './support/fixtures';
import { RESULTS } from './support/paths';
import { endActiveRun, startRun } from './support/runs';

/** Small jobs and few consumers keep a VIP backlog to pause; the threshold is short so the banner comes soon, long enough that no job takes it. */
const ALERT_BACKEND = { STALL_ALERT_S: '5', ALERT_CHECK_EVERY_MS: '500', ORDERS_PER_JOB: '200', ORDERS_QUEUE_CONCURRENCY: '2', GENERATION_CHUNK_SIZE: '1000' };
const RUN = 20_000;

test('a lane stalled past STALL_ALERT_S (queue paused mid-run) shows the alert banner live, and resuming clears it', async ({ page, stack }) => {
  await stack.restartBackend(ALERT_BACKEND);
  try {
    await endActiveRun(stack);
    await openLive(page);
    await expect(page.locator('[data-testid="alert-banner"]'), 'a banner before anything went wrong').toHaveCount(0);

    const runId = await startRun(stack, RUN);
    // Paused while generating, the VIP lane keeps getting slices it cannot process.
    await expect
      .poll(
        async () => {
          const { body } = await stack.api('/pedidos');
          if (!ACTIVE.includes(body.phase)) throw new Error(`the run ended (${body.phase}) before it could be paused`);
          return body.phase === 'GENERATING' && body.counts.vip >= 200 && body.progress.generated <= RUN - 5_000;
        },
        { message: 'VIP processing under way while generating', timeout: 120_000, intervals: [50] },
      )
      .toBe(true);
    expect((await stack.api('/pedidos/queue/pause', { method: 'POST' })).status, 'pause').toBe(200);

    const item = page.locator('[data-testid="alert-item"][data-key="lane-stalled:VIP"]');
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    // A lane already stalled when the pause came (a slow job on a busy machine) keeps the words it opened with.
    await expect(item).toHaveText(/Fila VIP (parada|sem progresso) desde \d\d:\d\d:\d\d/);
    await expect(item, 'a stalled lane is a warning').toHaveAttribute('data-severity', 'warning');
    const { body: alerts } = await stack.api('/pedidos/alerts');
    expect(alerts.open.some((alert: { key: string; runId: string }) => alert.key === 'lane-stalled:VIP' && alert.runId === runId), `GET /pedidos/alerts: ${JSON.stringify(alerts.open)}`).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'alert-banner.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(page), 'pixels wider than the phone screen, with the banner').toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1366, height: 900 });

    expect((await stack.api('/pedidos/queue/resume', { method: 'POST' })).status, 'resume').toBe(200);
    await item.waitFor({ state: 'detached', timeout: 60_000 });
    await expectNoReload(page);
  } finally {
    await stack.api('/pedidos/queue/resume', { method: 'POST' }).catch(() => undefined);
    await endActiveRun(stack).catch(() => undefined);
    await stack.restartBackend();
  }
});
