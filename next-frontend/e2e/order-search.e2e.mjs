// Browser checks of finding orders (issue 13): the search page and an order's page, against the real backend.
// Called by dashboard.e2e.mjs with its helpers, like its other groups of checks.

const RUN_SIZE = 3000;
const DONE_OR_ENDED = ['DONE', 'ERROR', 'ABORTED'];

/**
 * Makes a run of its own, then: customer search from the nav with its pages equal to the API's, an order's
 * page with the story the API gives, the run page's link to its orders, an id typed in the box, and English.
 */
export async function orderSearchChecks(page, { test, assert, api, waitFor, dashboardUrl, active }) {
  let runId = null;
  let firstPageIds = [];

  await test('order search: a customer prefix from the search page lists what the API lists, page after page', async () => {
    const current = (await api('/pedidos')).body;
    if (active.includes(current?.phase)) await api('/pedidos/cancel?purge=true&removePending=true', 'POST');
    const started = await api(`/pedidos/generate?quantity=${RUN_SIZE}&autoProcess=true`, 'POST');
    assert(started.status === 202, `generate answered ${started.status}`);
    runId = started.body.runId;
    const ended = await waitFor('the run to end', async () => {
      const { body } = await api('/pedidos');
      return body?.lastRunId === runId && DONE_OR_ENDED.includes(body.phase) ? body.phase : null;
    }, { timeoutMs: 240_000, intervalMs: 500 });
    assert(ended === 'DONE', `the run ended ${ended}`);

    await page.goto(dashboardUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.getByRole('navigation', { name: /navega|navigation/i }).getByRole('link', { name: 'Pedidos' }).click();
    await page.waitForURL((url) => url.pathname === '/orders', { timeout: 15_000 });
    await page.fill('[data-testid="orders-query"]', 'Ana');
    await page.selectOption('[data-testid="orders-status"]', 'processado');
    await page.click('[data-testid="orders-search"]');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Ana' && url.searchParams.get('status') === 'processado', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="orders-sorted-by"][data-sorted-by="cliente"]', { timeout: 15_000 });

    const firstPageUrl = page.url();
    const shownIds = () => page.locator('[data-testid="order-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-order-id')));
    const first = (await api('/pedidos/orders?cliente=Ana&status=processado&limit=50')).body;
    firstPageIds = await shownIds();
    assert(first.items.length > 0, 'the API found no order of a customer named Ana…');
    assert(JSON.stringify(firstPageIds) === JSON.stringify(first.items.map((o) => o.id)), 'the first page differs from the API');
    const customers = await page.locator('[data-testid="order-row"] td:nth-child(2)').allInnerTexts();
    assert(customers.every((name) => name.startsWith('Ana')), `a customer not starting with Ana: ${customers.find((n) => !n.startsWith('Ana'))}`);

    if (first.nextCursor) {
      await page.click('[data-testid="orders-next"]');
      await page.waitForURL((url) => url.searchParams.has('cursor'), { timeout: 15_000 });
      await page.waitForSelector('[data-testid="order-row"]', { timeout: 15_000 });
      const second = (await api(`/pedidos/orders?cliente=Ana&status=processado&limit=50&cursor=${first.nextCursor}`)).body;
      const secondIds = await shownIds();
      assert(JSON.stringify(secondIds) === JSON.stringify(second.items.map((o) => o.id)), 'the second page differs from the API');
      assert(!secondIds.some((id) => firstPageIds.includes(id)), 'the second page repeats an order of the first');
      // Back to the first page by its URL, not by history: Next.js 15.5's router sometimes leaves a back
      // navigation's content unapplied (README, "A refresh the router drops"), which is not what this checks.
      await page.goto(firstPageUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.waitForSelector(`[data-testid="order-row"][data-order-id="${firstPageIds[0]}"]`, { timeout: 15_000 });
    }
  });

  await test("order search: an order's page tells its story as the API does", async () => {
    assert(firstPageIds.length > 0, 'no order to open');
    await page.locator(`[data-testid="order-row"][data-order-id="${firstPageIds[0]}"] a`).first().click();
    await page.waitForURL((url) => url.pathname === `/orders/${firstPageIds[0]}`, { timeout: 15_000 });
    const story = (await api(`/pedidos/orders/${firstPageIds[0]}`)).body;
    const figure = (id) => page.getAttribute(`[data-testid="figure-${id}"]`, 'data-value', { timeout: 10_000 });
    assert((await figure('order.id')) === story.order.id, 'another order is shown');
    assert((await page.getAttribute('[data-testid="order-status"]', 'data-status')) === 'processado', 'status is not processado');
    assert((await figure('lane.processedBefore')) === String(story.lane.processedBefore), `processed before: page ${await figure('lane.processedBefore')}, API ${story.lane.processedBefore}`);
    assert((await figure('lane.processedTogether')) === String(story.lane.processedTogether), 'processed together differs');
    assert((await figure('job.id')) === story.job.id && story.job.id.startsWith(`${runId}:`), `job id ${await figure('job.id')} (API ${story.job.id})`);
    assert((await figure('run.runId')) === runId, 'the run is not the one the order belongs to');
    assert((await figure('order.attempts')) === '1', 'a processed order shows attempts other than 1');
    assert(await page.isVisible('[data-testid="figure-deadLetter.none"]'), 'a processed order shows a dead letter');
  });

  await test('order search: the run page links to its orders, and an id typed in the box opens that order', async () => {
    await page.click('[data-testid="order-run-link"]');
    await page.waitForURL((url) => url.pathname === `/runs/${runId}`, { timeout: 15_000 });
    await page.click('[data-testid="run-orders-link"]');
    await page.waitForURL((url) => url.pathname === '/orders' && url.searchParams.get('runId') === runId, { timeout: 15_000 });
    await page.waitForSelector('[data-testid="order-row"]', { timeout: 15_000 });
    const runs = await page.locator('[data-testid="order-row"] td:last-child a').evaluateAll((links) => links.map((a) => a.getAttribute('title')));
    assert(runs.length === 50 && runs.every((id) => id === runId), `rows of other runs, or not a full page: ${runs.length}`);

    const wanted = (await api(`/pedidos/orders?runId=${runId}&tier=DIAMANTE&limit=1`)).body.items[0].id;
    await page.fill('[data-testid="orders-query"]', wanted.toUpperCase());
    await page.click('[data-testid="orders-search"]');
    await page.waitForURL((url) => url.pathname === `/orders/${wanted}`, { timeout: 15_000 });
    assert((await page.getAttribute('[data-testid="figure-order.tier"]', 'data-value', { timeout: 10_000 })) === 'DIAMANTE', 'not the DIAMANTE order asked for');
  });

  await test('order search: an unknown order is "not found", and the order page switches to English', async () => {
    // With a loading skeleton the page streams, so "not found" is told by the page, not always by the status.
    await page.goto(`${dashboardUrl}/orders/00000000-0000-4000-8000-000000000000`, { timeout: 30_000 });
    await page.getByRole('heading', { name: 'Página não encontrada' }).waitFor({ timeout: 15_000 });
    await page.goBack({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="figure-order.id"]', { timeout: 15_000 });
    await page.click('[data-testid="lang-en"]');
    await page.waitForSelector('html[lang="en"]', { timeout: 15_000 });
    await page.getByRole('heading', { name: 'Place in the VIP lane' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: new URL('../test-results/order-page.png', import.meta.url).pathname, fullPage: true });
    await page.click('[data-testid="lang-pt-BR"]');
    await page.waitForSelector('html[lang="pt-BR"]', { timeout: 15_000 });
  });
}
