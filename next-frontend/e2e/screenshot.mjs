// Dev helper: node e2e/screenshot.mjs URL OUT.png [width] [light|dark] [en|pt-BR] [fullPage]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.cjs';

const [url, out, width = '1366', theme = 'light', lang = 'pt-BR', full = 'full'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
try {
  const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: theme === 'dark' ? 'dark' : 'light' });
  const { hostname } = new URL(url);
  await context.addCookies([
    { name: 'pedidos-theme', value: theme, domain: hostname, path: '/' },
    { name: 'pedidos-lang', value: lang, domain: hostname, path: '/' },
  ]);
  const page = await context.newPage();
  page.on('console', (msg) => msg.type() === 'error' && console.log('console:', msg.text()));
  page.on('pageerror', (err) => console.log('pageerror:', err.message));
  await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 }).catch((e) => console.log('goto:', e.message));
  await page.waitForTimeout(Number(process.env.WAIT_MS || 1500));
  await page.screenshot({ path: out, fullPage: full === 'full' });
  console.log('saved', out);
} finally {
  await browser.close();
}
