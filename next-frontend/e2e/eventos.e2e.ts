// The Eventos page: reset, a real burst from the browser with live rates, totals against the API and the
// database, dead letters and their retry, English, and phone width.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_TYPES } from '@pedidos/contract';
import { clickConfirmed, expectNoReload, goTo, nextResult, numberOn, openLive, resultSequence, sidewaysOverflow } from './support/dashboard-page';
import { storedEventCounts } from './support/database';
import { expect, poisonEvents, test } from './support/fixtures';
import { RESULTS, ROOT } from './support/paths';
import type { Stack } from './support/stack';

const BURST = { count: 3000, rate: 300 };
/** The README's picture of a burst; rewritten only when asked (UPDATE_DOCS_SCREENSHOTS=1). */
const DOCS_SCREENSHOT = path.join(ROOT, 'docs', 'eventos.png');

const metrics = async (stack: Stack) => (await stack.api('/events/metrics')).body;
const resetEvents = async (stack: Stack) => expect((await stack.api('/events/reset', { method: 'POST' })).status, 'POST /events/reset').toBeLessThan(300);

test('the Eventos page opens from the navigation, in Portuguese, with the live metrics', async ({ page }) => {
  await openLive(page);
  await goTo(page, 'Eventos', '/eventos');
  await page.getByRole('heading', { level: 1, name: 'Eventos' }).waitFor();
  await page.locator('[data-testid="events-rate-accepted"]').waitFor();
  await page.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 20_000 });
});

test('reset events from the page (with confirmation) empties the intake', async ({ page, stack }) => {
  await stack.api('/events/batch', { method: 'POST', json: { events: [{ userId: 'e2e-user', sessionId: 'e2e-session', eventType: 'view' }] } });
  await openLive(page, '/eventos');
  const sequence = await resultSequence(page, 'events-action-result');
  await clickConfirmed(page, 'events-reset');
  expect(await nextResult(page, sequence, 30_000, 'events-action-result')).toMatch(/Apagados/);
  const body = await metrics(stack);
  expect({ accepted: body.accepted, stored: body.stored, inQueue: body.inQueue }).toEqual({ accepted: 0, stored: 0, inQueue: 0 });
  expect((await storedEventCounts(stack.mongoUri, [])).total, 'user_interactions after reset').toBe(0);
  await expect.poll(() => numberOn(page, 'figure-events.stored'), { timeout: 10_000 }).toBe(0);
});

test(`a burst of ${BURST.count.toLocaleString('en')} events at ${BURST.rate}/s from the page shows live rates, then totals equal to the API and the database`, async ({ page, stack }) => {
  await resetEvents(stack);
  await openLive(page, '/eventos');
  await page.fill('[data-testid="events-burst-count"]', String(BURST.count));
  await page.fill('[data-testid="events-burst-rate"]', String(BURST.rate));
  await page.click('[data-testid="events-burst-start"]');

  await test.step('live rates while the burst runs', async () => {
    const acceptedRates = new Set<number | null>();
    const storedRates = new Set<number | null>();
    await expect
      .poll(
        async () => {
          const state = await page.getAttribute('[data-testid="events-burst-status"]', 'data-state');
          if (state !== 'running') throw new Error(`burst ${state} before live rates were seen`);
          acceptedRates.add(await numberOn(page, 'events-rate-accepted'));
          storedRates.add(await numberOn(page, 'events-rate-stored'));
          const points = Number((await page.getAttribute('[data-testid="events-chart"]', 'data-points')) || 0);
          const live = [...acceptedRates].some((rate) => (rate ?? 0) > 0) && [...storedRates].some((rate) => (rate ?? 0) > 0) && points >= 3;
          return live && acceptedRates.size >= 3;
        },
        { message: 'live rates during the burst', timeout: 30_000, intervals: [150] },
      )
      .toBe(true);
    // Half-way through, the chart has a few seconds of the burst: the picture for the README.
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="events-burst-status"]', 'data-accepted')), { message: 'the burst half sent', timeout: 30_000, intervals: [100] })
      .toBeGreaterThanOrEqual(BURST.count / 2);
    const shot = path.join(RESULTS, 'eventos-burst.png');
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(shot, DOCS_SCREENSHOT);
    await expectNoReload(page);
    expect((await metrics(stack)).rates.acceptedPerSec, 'the API accepted rate during the burst').toBeGreaterThan(0);
  });

  await test.step('after the burst, the page equals GET /events/metrics and the database', async () => {
    await page.locator('[data-testid="events-burst-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(Number(await page.getAttribute('[data-testid="events-burst-status"]', 'data-accepted')), 'accepted by the backend').toBe(BURST.count);
    await expect
      .poll(async () => {
        const body = await metrics(stack);
        return { inQueue: body.inQueue, stored: body.stored };
      }, { message: 'every accepted event stored', timeout: 60_000, intervals: [250] })
      .toEqual({ inQueue: 0, stored: BURST.count });
    const database = await storedEventCounts(stack.mongoUri, EVENT_TYPES);
    expect(database.total, 'user_interactions').toBe(BURST.count);
    await expect(async () => {
      const body = await metrics(stack);
      const pairs: Array<[string, number]> = [
        ['figure-events.accepted', body.accepted],
        ['figure-events.stored', body.stored],
        ['figure-events.deadLettered', body.deadLettered],
        ['events-in-queue', body.inQueue],
        ...EVENT_TYPES.map((type): [string, number] => [`events-type-${type}`, body.byType[type]]),
      ];
      for (const [testId, expected] of pairs) expect(await numberOn(page, testId), testId).toBe(expected);
      expect(body.byType, 'API per type against the database').toEqual(expect.objectContaining(database.byType));
    }).toPass({ timeout: 15_000 });
    await expect(page.locator('[data-testid="figure-events.stored"]')).toHaveText(BURST.count.toLocaleString('pt-BR'));
    expect(await page.locator('[data-testid="events-batch-row"]').count(), 'recent batches listed').toBeGreaterThan(0);
  });
});

test('poison events become dead letters on the page, and retry from the page requeues them', async ({ page, stack }) => {
  await resetEvents(stack);
  await openLive(page, '/eventos');
  const poison = poisonEvents(5, 'e2e-poison');
  expect((await stack.api('/events/batch', { method: 'POST', json: { events: poison } })).status, 'poison batch').toBe(202);
  // Refused on every attempt (MAX_ATTEMPTS with exponential backoff), then dead-lettered.
  await expect.poll(() => numberOn(page, 'events-dead-total'), { message: '5 dead letters on the page', timeout: 180_000, intervals: [250] }).toBe(poison.length);
  expect((await stack.api('/events/dead-letters?page=1&limit=20')).body.total).toBe(poison.length);
  expect((await metrics(stack)).deadLettered).toBe(poison.length);
  const rows = await page.locator('[data-testid="events-dead-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')).sort());
  expect(rows).toEqual(poison.map((event) => event.eventId).sort());
  const sequence = await resultSequence(page, 'events-dead-result');
  await clickConfirmed(page, 'events-dead-retry-all');
  expect(await nextResult(page, sequence, 30_000, 'events-dead-result')).toMatch(/^5 eventos reenfileirados/);
  await expect.poll(() => numberOn(page, 'events-dead-total'), { message: 'the dead letters gone from the page', timeout: 10_000 }).toBe(0);
});

test('switching to English relabels the Eventos page and keeps its numbers', async ({ page, stack }) => {
  await openLive(page, '/eventos');
  const stored = (await metrics(stack)).stored as number;
  await expect.poll(() => numberOn(page, 'figure-events.stored')).toBe(stored);
  await page.click('[data-testid="lang-en"]');
  await page.locator('html[lang="en"]').waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Send burst' }).waitFor({ timeout: 10_000 });
  await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor({ timeout: 20_000 });
  await page.getByRole('navigation', { name: /navigation/i }).getByRole('link', { name: 'Events' }).waitFor({ timeout: 5_000 });
  await expect(page.locator('[data-testid="figure-events.stored"]')).toHaveText(stored.toLocaleString('en'));
  await page.click('[data-testid="lang-pt-BR"]');
  await page.locator('html[lang="pt-BR"]').waitFor({ timeout: 15_000 });
  await page.getByRole('heading', { level: 1, name: 'Eventos' }).waitFor({ timeout: 20_000 });
});

test('the Eventos page at phone width: no sideways scrolling, burst form reachable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLive(page, '/eventos');
  expect(await sidewaysOverflow(page), 'pixels wider than the phone screen').toBeLessThanOrEqual(1);
  await page.locator('[data-testid="events-burst-start"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(RESULTS, 'eventos-phone.png'), fullPage: true });
});
