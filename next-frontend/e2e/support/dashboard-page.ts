import { expect, type Page } from '@playwright/test';

/** The run's phase as the page shows it. */
export const phaseOn = (page: Page) => page.getAttribute('[data-testid="phase-badge"]', 'data-phase');

/** A figure's exact value (its `data-value`), or null when the page shows none. */
export async function numberOn(page: Page, testId: string): Promise<number | null> {
  const raw = await page.getAttribute(`[data-testid="${testId}"]`, 'data-value');
  return raw === null ? null : Number(raw);
}

export async function expectPhase(page: Page, phases: string | readonly string[], timeout: number): Promise<void> {
  const wanted = ([] as string[]).concat(phases);
  const pattern = new RegExp(`^(${wanted.join('|')})$`);
  await expect.poll(async () => (await phaseOn(page)) ?? '', { message: `phase ${wanted.join('/')} on the page`, timeout, intervals: [100] }).toMatch(pattern);
}

/**
 * Opens a page of the dashboard and waits for its socket; marks the document, so `expectNoReload` can tell
 * that nothing reloaded it since.
 */
export async function openLive(page: Page, pathname = '/'): Promise<void> {
  await page.goto(pathname, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 20_000 });
  await page.evaluate(() => {
    (window as unknown as { __e2eNoReload?: boolean }).__e2eNoReload = true;
  });
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __e2eNoReload?: boolean }).__e2eNoReload === true), 'the page was reloaded').toBe(true);
}

/** Follows a link of the main navigation and waits for its page. */
export async function goTo(page: Page, linkName: string | RegExp, pathname: string): Promise<void> {
  await page.getByRole('navigation', { name: /navega|navigation/i }).getByRole('link', { name: linkName }).click();
  await page.waitForURL((url) => url.pathname === pathname, { timeout: 15_000 });
}

/** Clicks a destructive button, then the confirmation dialog's confirm button. */
export async function clickConfirmed(page: Page, testId: string): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
  const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await dialog.locator('[data-testid="confirm-accept"]').click({ timeout: 5_000 });
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The sequence number of an action's result line: each answer shown increments it. */
export const resultSequence = async (page: Page, testId = 'action-result') => Number(await page.getAttribute(`[data-testid="${testId}"]`, 'data-sequence'));

/** Waits for the result line after `previous` and returns its text. */
export async function nextResult(page: Page, previous: number, timeout = 20_000, testId = 'action-result'): Promise<string> {
  const result = page.locator(`[data-testid="${testId}"]`);
  await expect.poll(async () => Number(await result.getAttribute('data-sequence')), { message: `a new ${testId}`, timeout, intervals: [100] }).toBeGreaterThan(previous);
  return result.innerText();
}

/** Page width beyond the viewport's (0 when nothing scrolls sideways). */
export const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
