// Dev helper: node e2e/navigation-probe.mjs DASHBOARD_URL [searches]
// Opens /orders in a fresh browser context and submits a search at once, `searches` times; counts the searches
// whose page never arrived within 10 s (the router dropping a client navigation, README "A navigation the router drops").
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.cjs';

const [dashboardUrl, searches = '12'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
const tally = { landed: 0, dropped: 0 };
try {
  for (let n = 0; n < Number(searches); n++) {
    const context = await browser.newContext({ locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${dashboardUrl}/orders`, { waitUntil: 'domcontentloaded' });
    await page.fill('[data-testid="orders-query"]', 'Ana');
    await page.click('[data-testid="orders-search"]');
    const landed = await page
      .waitForURL((url) => url.searchParams.get('q') === 'Ana', { timeout: 10_000 })
      .then(() => page.locator('[data-testid="orders-sorted-by"]').waitFor({ timeout: 10_000 }))
      .then(() => true, () => false);
    tally[landed ? 'landed' : 'dropped']++;
    console.log(`search ${n + 1}: ${landed ? 'landed' : 'dropped'}`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(tally));
