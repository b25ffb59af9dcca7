// Retrying what failed: the queue page (one failed job, all of a lane), the order dead-letter page (a selection,
// one, all) and the Eventos dead letters (a selection). Each action asks in the app's confirmation dialog, with
// what it will move, and then says how many it moved. Orders fail for real: the backend runs with
// FAIL_EVERY_SEQ_MULTIPLE_OF for one run, then without it for the retries.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { goTo, numberOn, openLive } from './support/dashboard-page';
import { ordersOfRun } from './support/database';
import { expect, poisonEvents, test } from './support/fixtures';
import { RESULTS } from './support/paths';
import { endOf, startRun } from './support/runs';
import type { Stack } from './support/stack';

const RUN_SIZE = 2000;
const POISON_EVERY = 250;
/** Quick final failures, so what is poisoned below becomes a dead letter in seconds. */
const QUICK_FAILURES = { MAX_ATTEMPTS: '2', RETRY_BACKOFF_MS: '50' };

/** The dashboard's Portuguese counts, singular for exactly one (app/lib/i18n/retry-pt-br.ts). */
const count = (n: number, one: string, other: string) => `${n.toLocaleString('pt-BR')} ${n === 1 ? one : other}`;
const jobsLeft = (n: number) => count(n, 'job saiu da lista de falhas', 'jobs saíram da lista de falhas');
const ordersBack = (n: number) => count(n, 'pedido voltou à fila', 'pedidos voltaram à fila');

const failedJobs = async (stack: Stack) => (await stack.api('/pedidos/queue/jobs?types=failed&start=0&end=499')).body.jobs as Array<{ id: string; queue: string; size: number }>;
const openLetters = async (stack: Stack, runId: string) => (await stack.api(`/pedidos/dead-letters?runId=${runId}&limit=100`)).body.items as Array<{ orderId: string; priority: string }>;

/** Waits for the run to be DONE again after a retry. */
async function doneAgain(stack: Stack, runId: string) {
  expect(await endOf(stack, runId, 120_000), `run ${runId} after the retry`).toBe('DONE');
  return (await stack.api('/pedidos')).body;
}

/** Opens the dialog with `button`, checks its text, confirms, and returns the result text that follows. */
async function confirmAndRead(page: Page, button: Locator, resultTestId: string, expectInDialog: string[]): Promise<string> {
  const result = page.locator(`[data-testid="${resultTestId}"]`);
  const sequence = Number(await result.getAttribute('data-sequence'));
  await button.click();
  const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  const asked = await dialog.innerText();
  for (const expected of expectInDialog) expect(asked, 'the dialog').toContain(expected);
  await dialog.locator('[data-testid="confirm-accept"]').click({ timeout: 5_000 });
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
  await expect.poll(async () => Number(await result.getAttribute('data-sequence')), { message: 'the retry result', timeout: 30_000, intervals: [100] }).toBeGreaterThan(sequence);
  return result.innerText();
}

test('orders that fail every attempt: one job, then the VIP lane from the queue page; then two, one and all dead letters', async ({ page, stack }) => {
  test.setTimeout(6 * 60_000);
  let runId = '';
  await test.step('a run whose poisoned orders fail every attempt ends DONE with failed jobs and dead letters', async () => {
    await stack.restartBackend({ ...QUICK_FAILURES, FAIL_EVERY_SEQ_MULTIPLE_OF: String(POISON_EVERY), ORDERS_PER_JOB: '100' });
    runId = await startRun(stack, RUN_SIZE);
    const done = await doneAgain(stack, runId);
    expect(done.counts.failed, 'failed orders').toBeGreaterThanOrEqual(6);
    // The cause goes away for the retries.
    await stack.restartBackend(QUICK_FAILURES);
  });

  try {
    await test.step('queue page: retrying one failed job asks first, then says 1 job and 1 order moved', async () => {
      await openLive(page, '/queue');
      for (const type of ['waiting', 'active', 'completed', 'delayed']) await page.uncheck(`[data-testid="job-type-${type}"]`);
      await page.locator('[data-testid="retry-job"]').first().waitFor();
      await page.screenshot({ path: path.join(RESULTS, 'retry-queue.png'), fullPage: true });
      const job = (await failedJobs(stack)).find((candidate) => candidate.queue === 'normal' && candidate.size > 1);
      expect(job, 'a failed NORMAL job of several orders').toBeTruthy();
      const button = page.locator(`[data-testid="retry-job"][data-job-id="${job!.id}"]`);
      await expect(button).toBeEnabled();
      expect(await confirmAndRead(page, button, 'retry-result', [job!.id])).toMatch(/^1 job saiu da lista de falhas; 1 pedido voltou à fila/);
      await doneAgain(stack, runId);
      await expect(button).toHaveCount(0);
    });

    await test.step('queue page: retrying every failed VIP job asks with the count, then says how many jobs and orders moved', async () => {
      const vipJobs = (await failedJobs(stack)).filter((job) => job.queue === 'vip');
      const vipLetters = (await openLetters(stack, runId)).filter((letter) => letter.priority === 'VIP');
      const button = page.locator('[data-testid="retry-lane-vip"]');
      await expect(button).toBeEnabled();
      await expect(button).toHaveAttribute('data-count', String(vipJobs.length));
      const text = await confirmAndRead(page, button, 'retry-result', [`(${vipJobs.length.toLocaleString('pt-BR')} na fila agora`]);
      expect(text.startsWith(`${jobsLeft(vipJobs.length)}; ${ordersBack(vipLetters.length)}`), `result: ${text}`).toBe(true);
      await doneAgain(stack, runId);
      expect((await failedJobs(stack)).every((job) => job.queue === 'normal'), 'failed VIP jobs left').toBe(true);
      await expect(page.locator('[data-testid="queue-vip-failed"]')).toHaveText('0');
    });

    await test.step('dead-letter page: a selection of two, then one, then all; each asks first and says how many orders moved', async () => {
      await goTo(page, 'Mensagens mortas', '/dead-letters');
      let letters = await openLetters(stack, runId);
      expect(letters.length, 'dead letters left').toBeGreaterThanOrEqual(4);
      await expect(page.locator('[data-testid="dead-letter-row"]')).toHaveCount(letters.length);
      const firstLink = page.locator(`[data-testid="dead-letter-row"][data-order-id="${letters[0].orderId}"] [data-testid="dead-letter-order-link"]`);
      expect(await firstLink.getAttribute('href'), "the dead letter's link").toBe(`/orders/${letters[0].orderId}`);

      const picked = letters.slice(0, 2).map((letter) => letter.orderId);
      for (const orderId of picked) await page.check(`[data-testid="dead-letter-row"][data-order-id="${orderId}"] [data-testid="dead-letter-select"]`);
      await page.screenshot({ path: path.join(RESULTS, 'retry-dead-letters.png'), fullPage: true });
      let text = await confirmAndRead(page, page.locator('[data-testid="dead-letters-retry-selected"]'), 'dead-letters-result', ['2 pedidos selecionados']);
      expect(text).toMatch(/^2 pedidos voltaram à fila/);
      await doneAgain(stack, runId);
      for (const orderId of picked) await page.locator(`[data-testid="dead-letter-row"][data-order-id="${orderId}"]`).waitFor({ state: 'detached' });

      letters = await openLetters(stack, runId);
      const row = page.locator(`[data-testid="dead-letter-row"][data-order-id="${letters[0].orderId}"]`);
      await expect(row.locator('[data-testid="dead-letter-retry"]')).toBeEnabled();
      text = await confirmAndRead(page, row.locator('[data-testid="dead-letter-retry"]'), 'dead-letters-result', [letters[0].orderId]);
      expect(text).toMatch(/^1 pedido voltou à fila/);
      await doneAgain(stack, runId);

      const rest = (await openLetters(stack, runId)).length;
      const all = page.locator('[data-testid="dead-letters-retry-all"]');
      await expect(all).toBeEnabled();
      text = await confirmAndRead(page, all, 'dead-letters-result', [rest === 1 ? 'O 1 pedido em falha' : `Todos os ${rest} pedidos em falha`]);
      expect(text.startsWith(ordersBack(rest)), `result: ${text}`).toBe(true);
      const done = await doneAgain(stack, runId);
      await expect.poll(() => numberOn(page, 'dead-letters-total'), { message: 'the list empty' }).toBe(0);
      expect(done.counts.failed, 'failed orders after the retries').toBe(0);
      expect(await ordersOfRun(stack.mongoUri, runId)).toEqual({ total: RUN_SIZE, processed: RUN_SIZE, pending: 0, failed: 0, notOnce: 0 });
    });
  } finally {
    await stack.restartBackend();
  }
});

test('Eventos dead letters: retrying a selection asks with the count and says how many were requeued', async ({ page, stack }) => {
  await stack.restartBackend(QUICK_FAILURES);
  try {
    const poison = poisonEvents(3, 'e2e-retry');
    expect((await stack.api('/events/batch', { method: 'POST', json: { events: poison } })).status, 'poison batch').toBe(202);
    await openLive(page, '/eventos');
    const row = (eventId: string) => page.locator(`[data-testid="events-dead-row"][data-event-id="${eventId}"]`);
    for (const event of poison) await row(event.eventId).waitFor({ timeout: 60_000 });
    for (const event of poison.slice(0, 2)) await row(event.eventId).locator('[data-testid="events-dead-select"]').check();
    const text = await confirmAndRead(page, page.locator('[data-testid="events-dead-retry-selected"]'), 'events-dead-result', ['2 mensagens mortas selecionadas']);
    expect(text).toMatch(/^2 eventos reenfileirados/);
    await expect(row(poison[2].eventId), 'the letter left unselected').toHaveCount(1);
  } finally {
    await stack.restartBackend();
  }
});
