// Browser checks of retrying what failed (issue 13): the queue page (one failed job, all of a lane), the order
// dead-letter page (a selection, one, all) and the Eventos dead letters (a selection). Each action must ask in the
// app's confirmation dialog, with what it will move, and then say how many it moved. Orders fail for real: the
// backend runs with FAIL_EVERY_SEQ_MULTIPLE_OF for one run, then without it for the retries.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ordersOfRun } from './lib/orders-db.mjs';
import { waitFor } from './lib/processes.mjs';
import { ACTIVE_PHASES } from '@pedidos/contract';

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

const RUN_SIZE = 2000;
const POISON_EVERY = 250;
/** Quick final failures, so events poisoned below become dead letters in seconds. */
const QUICK_FAILURES = { MAX_ATTEMPTS: '2', RETRY_BACKOFF_MS: '50' };

/** The dashboard's Portuguese counts, singular for exactly one (app/lib/i18n/retry-pt-br.ts). */
const count = (n, one, other) => `${n.toLocaleString('pt-BR')} ${n === 1 ? one : other}`;
const jobsLeft = (n) => count(n, 'job saiu da lista de falhas', 'jobs saíram da lista de falhas');
const ordersBack = (n) => count(n, 'pedido voltou à fila', 'pedidos voltaram à fila');

/**
 * `ctx`: { page, dashboardUrl, backendUrl, apiKey, mongoUri, eventsFailMarker, api(path, method), restartBackend(env),
 * test, assert, goTo(page, link, path), numberOnPage(page, testId), log }, from dashboard.e2e.mjs.
 */
export async function retryChecks(ctx) {
  const { page, api, test, assert, goTo, log } = ctx;
  const apiJson = async (pathname, body) => {
    const response = await fetch(`${ctx.backendUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ctx.apiKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  };
  let runId = null;
  const status = async () => (await api('/pedidos')).body;
  const waitDone = (what) =>
    waitFor(`${what}: the run DONE again`, async () => {
      const body = await status();
      if (body?.phase === 'ERROR' || body?.phase === 'ABORTED') throw new Error(`the run ended ${body.phase}`);
      return body?.phase === 'DONE' && body;
    }, { timeoutMs: 120_000, intervalMs: 250 });
  const failedJobs = async () => (await api('/pedidos/queue/jobs?types=failed&start=0&end=499')).body.jobs;
  const openLetters = async () => (await api(`/pedidos/dead-letters?runId=${runId}&limit=100`)).body.items;

  await test('retry: a run whose poisoned orders fail every attempt ends DONE with failed jobs and dead letters', async () => {
    const before = await status();
    if (ACTIVE_PHASES.includes(before?.phase)) {
      await api('/pedidos/cancel?purge=true&removePending=true', 'POST');
    }
    await ctx.restartBackend({ ...QUICK_FAILURES, FAIL_EVERY_SEQ_MULTIPLE_OF: String(POISON_EVERY), ORDERS_PER_JOB: '100' });
    const started = await api(`/pedidos/generate?quantity=${RUN_SIZE}`, 'POST');
    assert(started.status === 202, `generate answered ${started.status}`);
    runId = started.body.runId;
    const done = await waitDone('the poisoned run');
    assert(done.counts.failed >= 6, `only ${done.counts.failed} orders failed`);
    // The cause goes away; final failures stay quick for the Eventos check below.
    await ctx.restartBackend(QUICK_FAILURES);
    log(`retry: ${done.counts.failed} failed orders, ${(await failedJobs()).length} failed jobs`);
  });

  /** Opens the dialog with `button`, checks its text, confirms, and returns the result text that follows. */
  async function confirmAndRead(button, resultTestId, expectInDialog) {
    const result = page.locator(`[data-testid="${resultTestId}"]`);
    const sequence = Number(await result.getAttribute('data-sequence'));
    await button.click({ timeout: 10_000 });
    const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
    await dialog.waitFor({ state: 'visible', timeout: 5000 });
    const asked = await dialog.innerText();
    for (const expected of expectInDialog) assert(asked.includes(expected), `the dialog says "${asked}", not "${expected}"`);
    await dialog.locator('[data-testid="confirm-accept"]').click({ timeout: 5000 });
    await dialog.waitFor({ state: 'hidden', timeout: 5000 });
    return waitFor('the retry result', async () => (Number(await result.getAttribute('data-sequence')) > sequence ? result.innerText() : null), { timeoutMs: 30_000, intervalMs: 100 });
  }

  await test('queue page: retrying one failed job asks first, then says 1 job and 1 order moved', async () => {
    await page.goto(`${ctx.dashboardUrl}/queue`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.waitForSelector('[data-testid="connection"][data-status="connected"]', { timeout: 20_000 });
    for (const type of ['waiting', 'active', 'completed', 'delayed']) await page.uncheck(`[data-testid="job-type-${type}"]`);
    await page.locator('[data-testid="retry-job"]').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(RESULTS, 'retry-queue.png'), fullPage: true });
    const job = (await failedJobs()).find((candidate) => candidate.queue === 'normal' && candidate.size > 1);
    assert(job, 'no failed NORMAL job of several orders');
    const button = page.locator(`[data-testid="retry-job"][data-job-id="${job.id}"]`);
    await waitFor('the job retry to be enabled', () => button.isEnabled(), { timeoutMs: 15_000 });
    const text = await confirmAndRead(button, 'retry-result', [job.id]);
    assert(/^1 job saiu da lista de falhas; 1 pedido voltou à fila/.test(text), `unexpected result: ${text}`);
    await waitDone('one job retried');
    await waitFor('the job to leave the table', async () => (await button.count()) === 0, { timeoutMs: 15_000 });
  });

  await test('queue page: retrying every failed VIP job asks with the count, then says how many jobs and orders moved', async () => {
    const vipJobs = (await failedJobs()).filter((job) => job.queue === 'vip');
    const vipLetters = (await openLetters()).filter((letter) => letter.priority === 'VIP');
    const button = page.locator('[data-testid="retry-lane-vip"]');
    await waitFor('the VIP lane retry to be enabled with its count', async () => (await button.isEnabled()) && Number(await button.getAttribute('data-count')) === vipJobs.length, { timeoutMs: 15_000 });
    const text = await confirmAndRead(button, 'retry-result', [`(${vipJobs.length.toLocaleString('pt-BR')} na fila agora`]);
    assert(text.startsWith(`${jobsLeft(vipJobs.length)}; ${ordersBack(vipLetters.length)}`), `unexpected result: ${text}`);
    const done = await waitDone('the VIP lane retried');
    assert((await failedJobs()).every((job) => job.queue === 'normal'), 'failed VIP jobs are left');
    await waitFor('the VIP count on the page to be 0', async () => (await page.locator('[data-testid="queue-vip-failed"]').innerText()).trim() === '0', { timeoutMs: 15_000 });
    log(`retry: ${done.counts.failed} failed orders left after the VIP lane`);
  });

  await test('dead-letter page: a selection of two, then one, then all; each asks first and says how many orders moved', async () => {
    await goTo(page, 'Mensagens mortas', '/dead-letters');
    let letters = await openLetters();
    assert(letters.length >= 4, `only ${letters.length} dead letters left`);
    await waitFor('every open dead letter listed', async () => (await page.locator('[data-testid="dead-letter-row"]').count()) === letters.length, { timeoutMs: 15_000 });
    const firstLink = page.locator(`[data-testid="dead-letter-row"][data-order-id="${letters[0].orderId}"] [data-testid="dead-letter-order-link"]`);
    const linked = await firstLink.getAttribute('href');
    assert(linked === `/orders/${letters[0].orderId}`, `the dead letter links to ${linked}, not to its order's page`);

    const picked = letters.slice(0, 2).map((letter) => letter.orderId);
    for (const orderId of picked) await page.check(`[data-testid="dead-letter-row"][data-order-id="${orderId}"] [data-testid="dead-letter-select"]`);
    await page.screenshot({ path: path.join(RESULTS, 'retry-dead-letters.png'), fullPage: true });
    const selected = page.locator('[data-testid="dead-letters-retry-selected"]');
    let text = await confirmAndRead(selected, 'dead-letters-result', ['2 pedidos selecionados']);
    assert(/^2 pedidos voltaram à fila/.test(text), `unexpected result: ${text}`);
    await waitDone('a selection retried');
    for (const orderId of picked) await page.locator(`[data-testid="dead-letter-row"][data-order-id="${orderId}"]`).waitFor({ state: 'detached', timeout: 15_000 });

    letters = await openLetters();
    const one = letters[0];
    const row = page.locator(`[data-testid="dead-letter-row"][data-order-id="${one.orderId}"]`);
    await waitFor('the row retry to be enabled', () => row.locator('[data-testid="dead-letter-retry"]').isEnabled(), { timeoutMs: 15_000 });
    text = await confirmAndRead(row.locator('[data-testid="dead-letter-retry"]'), 'dead-letters-result', [one.orderId]);
    assert(/^1 pedido voltou à fila/.test(text), `unexpected result: ${text}`);
    await waitDone('one dead letter retried');

    const rest = (await openLetters()).length;
    const all = page.locator('[data-testid="dead-letters-retry-all"]');
    await waitFor('retry all to be enabled', () => all.isEnabled(), { timeoutMs: 15_000 });
    text = await confirmAndRead(all, 'dead-letters-result', [rest === 1 ? 'O 1 pedido em falha' : `Todos os ${rest} pedidos em falha`]);
    assert(text.startsWith(ordersBack(rest)), `unexpected result: ${text}`);
    const done = await waitDone('every dead letter retried');
    await waitFor('the list to be empty', async () => (await ctx.numberOnPage(page, 'dead-letters-total')) === 0, { timeoutMs: 15_000 });
    const orders = await ordersOfRun(ctx.mongoUri, runId);
    assert(done.counts.failed === 0 && orders.processed === RUN_SIZE && orders.notOnce === 0 && orders.pending === 0, `after the retries: API ${JSON.stringify(done.counts)}, database ${JSON.stringify(orders)}`);
  });

  await test('Eventos dead letters: retrying a selection asks with the count and says how many were requeued', async () => {
    const poison = Array.from({ length: 3 }, (_, n) => ({
      eventId: `e2e-retry-${Date.now()}-${n}`,
      userId: 'e2e-user',
      sessionId: 'e2e-session',
      eventType: 'purchase',
      eventData: { [ctx.eventsFailMarker]: true },
    }));
    const sent = await apiJson('/events/batch', { events: poison });
    assert(sent.status === 202, `poison batch answered ${sent.status}`);
    await goTo(page, 'Eventos', '/eventos');
    const row = (eventId) => page.locator(`[data-testid="events-dead-row"][data-event-id="${eventId}"]`);
    for (const event of poison) await row(event.eventId).waitFor({ timeout: 60_000 });
    for (const event of poison.slice(0, 2)) await row(event.eventId).locator('[data-testid="events-dead-select"]').check();
    const text = await confirmAndRead(page.locator('[data-testid="events-dead-retry-selected"]'), 'events-dead-result', ['2 mensagens mortas selecionadas']);
    assert(/^2 eventos reenfileirados/.test(text), `unexpected result: ${text}`);
    assert((await row(poison[2].eventId).count()) === 1, 'the letter left unselected is gone');
  });

  await test('retry: the backend runs as before the retry checks', async () => {
    await ctx.restartBackend({});
  });
}
