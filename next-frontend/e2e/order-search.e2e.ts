// Finding orders: the search page and an order's page, against the real backend, on a run of their own.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoReload, openLive } from './support/dashboard-page';
import { expect, test } from './support/fixtures';
import { RESULTS } from './support/paths';
import { finishedRun } from './support/runs';
import type { Stack } from './support/stack';

const RUN_SIZE = 3000;

/** This file's run, made once per worker. */
let runId: string | null = null;
const runOf = async (stack: Stack) => (runId ??= await finishedRun(stack, RUN_SIZE));

test('order search: a customer prefix from the search page lists what the API lists, page after page', async ({ page, stack }) => {
  await runOf(stack);
  await openLive(page);
  await page.getByRole('navigation', { name: /navega|navigation/i }).getByRole('link', { name: 'Pedidos' }).click();
  await page.waitForURL((url) => url.pathname === '/orders', { timeout: 15_000 });
  await page.fill('[data-testid="orders-query"]', 'Ana');
  await page.selectOption('[data-testid="orders-status"]', 'processado');
  await page.click('[data-testid="orders-search"]');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Ana' && url.searchParams.get('status') === 'processado', { timeout: 15_000 });
  await page.locator('[data-testid="orders-sorted-by"][data-sorted-by="cliente"]').waitFor();

  // :visible — a page just streamed in may sit beside a hidden copy for a moment.
  const rows = page.locator('[data-testid="order-row"]:visible');
  const shownIds = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-order-id')));
  const first = (await stack.api('/pedidos/orders?cliente=Ana&status=processado&limit=50')).body;
  expect(first.items.length, 'orders of a customer named Ana…').toBeGreaterThan(0);
  await expect.poll(shownIds, { message: 'the first page, as the API lists it' }).toEqual(first.items.map((order: { id: string }) => order.id));
  const customers = await page.locator('[data-testid="order-row"] td:nth-child(2)').allInnerTexts();
  expect(customers.filter((name) => !name.startsWith('Ana')), 'customers not starting with Ana').toEqual([]);

  if (first.nextCursor) {
    const firstIds = await shownIds();
    const second = (await stack.api(`/pedidos/orders?cliente=Ana&status=processado&limit=50&cursor=${first.nextCursor}`)).body;
    await page.click('[data-testid="orders-next"]');
    await page.waitForURL((url) => url.searchParams.has('cursor'), { timeout: 15_000 });
    await expect.poll(shownIds, { message: 'the second page, as the API lists it' }).toEqual(second.items.map((order: { id: string }) => order.id));
    expect((await shownIds()).filter((id) => firstIds.includes(id)), 'orders of the first page again').toEqual([]);
    await page.goBack();
    await expect.poll(shownIds, { message: 'the first page again, after going back' }).toEqual(firstIds);
  }
});

/**
 * From now on the router's fetch of `matches`'s payload never answers, as when Next.js 15.5 drops a client
 * navigation (README, "A navigation the router drops"): only a full page load can get there.
 */
async function dropClientNavigations(page: Page, matches: (url: URL) => boolean): Promise<void> {
  await page.route(
    (url) => matches(url),
    async (route) => {
      if (route.request().headers()['rsc'] === undefined) await route.continue();
    },
  );
}

test('order search: a search or a next page the router never commits still lands, by a full page load', async ({ page, stack }) => {
  const run = await runOf(stack);
  await openLive(page, '/orders');
  await dropClientNavigations(page, (url) => url.pathname === '/orders' && url.search.includes('q=Ana'));
  await page.fill('[data-testid="orders-query"]', 'Ana');
  await page.click('[data-testid="orders-search"]');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Ana', { timeout: 15_000 });
  await page.locator('[data-testid="orders-sorted-by"][data-sorted-by="cliente"]').waitFor();
  await expect(expectNoReload(page), 'the search was loaded in full').rejects.toThrow();

  await openLive(page, `/orders?runId=${run}`);
  await dropClientNavigations(page, (url) => url.searchParams.has('cursor'));
  await page.click('[data-testid="orders-next"]');
  await page.waitForURL((url) => url.searchParams.has('cursor'), { timeout: 15_000 });
  await page.locator('[data-testid="order-row"]').first().waitFor();
  await expect(expectNoReload(page), 'the next page was loaded in full').rejects.toThrow();
});

test("order search: an order's page tells its story as the API does", async ({ page, stack }) => {
  const run = await runOf(stack);
  const [listed] = (await stack.api(`/pedidos/orders?runId=${run}&status=processado&limit=1`)).body.items;
  const story = (await stack.api(`/pedidos/orders/${listed.id}`)).body;
  await page.goto(`/orders?runId=${run}`, { waitUntil: 'domcontentloaded' });
  await page.locator(`[data-testid="order-row"][data-order-id="${listed.id}"] a`).first().click();
  await page.waitForURL((url) => url.pathname === `/orders/${listed.id}`, { timeout: 15_000 });
  const figure = (id: string) => page.getAttribute(`[data-testid="figure-${id}"]`, 'data-value', { timeout: 10_000 });
  expect(await figure('order.id')).toBe(story.order.id);
  expect(await page.getAttribute('[data-testid="order-status"]', 'data-status')).toBe('processado');
  expect(await figure('lane.processedBefore'), 'processed before').toBe(String(story.lane.processedBefore));
  expect(await figure('lane.processedTogether'), 'processed together').toBe(String(story.lane.processedTogether));
  expect(await figure('job.id')).toBe(story.job.id);
  expect(story.job.id.startsWith(`${run}:`), `job ${story.job.id} of run ${run}`).toBe(true);
  expect(await figure('run.runId')).toBe(run);
  expect(await figure('order.attempts'), 'attempts of a processed order').toBe('1');
  await expect(page.locator('[data-testid="figure-deadLetter.none"]'), 'a processed order without a dead letter').toBeVisible();
});

test('order search: the run page links to its orders, and an id typed in the box opens that order', async ({ page, stack }) => {
  const run = await runOf(stack);
  const [listed] = (await stack.api(`/pedidos/orders?runId=${run}&limit=1`)).body.items;
  await page.goto(`/orders/${listed.id}`, { waitUntil: 'domcontentloaded' });
  await page.click('[data-testid="order-run-link"]');
  await page.waitForURL((url) => url.pathname === `/runs/${run}`, { timeout: 15_000 });
  await page.click('[data-testid="run-orders-link"]');
  await page.waitForURL((url) => url.pathname === '/orders' && url.searchParams.get('runId') === run, { timeout: 15_000 });
  const runLinks = page.locator('[data-testid="order-row"] td:last-child a');
  await expect(runLinks).toHaveCount(50);
  expect(new Set(await runLinks.evaluateAll((links) => links.map((a) => a.getAttribute('title')))), 'runs of the rows').toEqual(new Set([run]));

  const wanted = (await stack.api(`/pedidos/orders?runId=${run}&tier=DIAMANTE&limit=1`)).body.items[0].id;
  await page.fill('[data-testid="orders-query"]', wanted.toUpperCase());
  await page.click('[data-testid="orders-search"]');
  await page.waitForURL((url) => url.pathname === `/orders/${wanted}`, { timeout: 15_000 });
  expect(await page.getAttribute('[data-testid="figure-order.tier"]', 'data-value', { timeout: 10_000 })).toBe('DIAMANTE');
});

test('order search: an unknown order is "not found", and the order page switches to English', async ({ page, stack }) => {
  const run = await runOf(stack);
  const [listed] = (await stack.api(`/pedidos/orders?runId=${run}&limit=1`)).body.items;
  await page.goto(`/orders/${listed.id}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="figure-order.id"]').waitFor();
  // With a loading skeleton the page streams, so "not found" is told by the page, not always by the status.
  await page.goto('/orders/00000000-0000-4000-8000-000000000000');
  await page.getByRole('heading', { name: 'Página não encontrada' }).waitFor();
  await page.goBack({ waitUntil: 'domcontentloaded' });
  // :visible — React may hold the streamed page in a hidden copy for a moment before it reveals it.
  await page.locator('[data-testid="figure-order.id"]:visible').waitFor();
  await page.click('[data-testid="lang-en"]');
  await page.locator('html[lang="en"]').waitFor({ timeout: 15_000 });
  await page.getByRole('heading', { name: 'Place in the VIP lane' }).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'order-page.png'), fullPage: true });
  await page.click('[data-testid="lang-pt-BR"]');
  await page.locator('html[lang="pt-BR"]').waitFor({ timeout: 15_000 });
});
