// The audit page and the two roles, against a backend with API_KEY and READ_API_KEY and two dashboards: one
// holding the API key, one holding the read key.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { RESULTS } from './support/paths';
import { endOf } from './support/runs';
import { Stack } from './support/stack';

const API_KEY = 'e2e-audit-write-key';
const READ_KEY = 'e2e-audit-read-key';

const test = base.extend<{}, { audit: Stack }>({
  audit: [
    async ({}, use) => {
      const stack = await new Stack({
        name: 'audit',
        apiKey: API_KEY,
        readKey: READ_KEY,
        backendEnv: { READ_API_KEY: READ_KEY, MAX_ORDERS: '10000', RATE_LIMIT_PER_MINUTE: '0' },
        dashboards: { write: { DASHBOARD_API_KEY: API_KEY }, read: { DASHBOARD_API_KEY: READ_KEY } },
      }).start();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 3 * 60_000 },
  ],
  baseURL: async ({ audit }, use) => use(audit.dashboardUrls.write),
});
test.use({ locale: 'en-US' });

const rowsOf = (page: Page, testId = 'audit-table') => page.locator(`[data-testid="${testId}"] [data-testid="audit-row"]`);

/** A run made through the API in two steps (generate, then process) and finished; its id. */
async function twoStepRun(audit: Stack): Promise<string> {
  const started = await audit.api('/pedidos/generate?quantity=500&autoProcess=false', { method: 'POST' });
  expect(started.status, 'generate').toBe(202);
  await expect.poll(async () => (await audit.api('/pedidos')).body?.awaitingProcess, { message: 'the run waiting for process', timeout: 60_000 }).toBe(true);
  expect((await audit.api('/pedidos/process', { method: 'POST' })).status, 'process').toBe(202);
  expect(await endOf(audit, started.body.runId, 120_000)).toBe('DONE');
  return started.body.runId;
}

test('with the API key: a control made in the UI is on the audit page, and the filter keeps only its action', async ({ page, audit }) => {
  await page.goto('/queue', { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 20_000 });
  await page.selectOption('[data-testid="clean-state"]', 'completed');
  await page.click('[data-testid="action-clean"]');
  await page.locator('dialog[open][data-testid="confirm-dialog"] [data-testid="confirm-accept"]').click({ timeout: 5_000 });
  await page.locator('[data-testid="queue-action-result"]:not([data-sequence="0"])').waitFor();
  // A refusal, made with the read key, to find next to it.
  expect((await audit.api('/pedidos/reset', { method: 'POST', key: READ_KEY })).status, 'a reset with the read key').toBe(403);

  await page.getByRole('navigation', { name: /navega|navigation/i }).getByRole('link', { name: /^(Audit|Auditoria)$/ }).click();
  await page.waitForURL((url) => url.pathname === '/audit', { timeout: 15_000 });
  const clean = page.locator('[data-testid="audit-row"][data-action="queue.clean"][data-status="200"][data-key-holder="write"]').first();
  await expect(clean, 'the clean row and its parameter').toContainText('state=completed');
  const refusal = page.locator('[data-testid="audit-row"][data-action="reset"][data-status="403"][data-key-holder="read"]').first();
  await expect(refusal, 'the refusal and its code').toContainText('FORBIDDEN');

  await page.fill('[data-testid="audit-filter-action"]', 'reset');
  await page.click('[data-testid="audit-filter-apply"]');
  await expect
    .poll(async () => {
      const actions = await rowsOf(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
      return actions.length > 0 && actions.every((action) => action === 'reset');
    }, { message: 'only reset rows', timeout: 10_000 })
    .toBe(true);
  await page.screenshot({ path: path.join(RESULTS, 'audit.png'), fullPage: true });
});

test("a run's page lists the actions that touched it", async ({ page, audit }) => {
  const runId = await twoStepRun(audit);
  await page.goto(`/runs/${runId}`, { waitUntil: 'domcontentloaded' });
  const actions = () => rowsOf(page, 'run-actions-table').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
  await expect.poll(actions, { message: 'generate and process on the run page', timeout: 20_000 }).toEqual(expect.arrayContaining(['generate', 'process']));
  expect(await actions(), 'an action of no run on the run page').not.toContain('queue.clean');
});

test('with the read key: every page reads, the socket connects, and no control is shown', async ({ page, audit }) => {
  const runId = await twoStepRun(audit);
  const reader = page;
  const read = audit.dashboardUrls.read;
  await reader.goto(read, { waitUntil: 'domcontentloaded' });
  await reader.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 20_000 });
  await reader.locator('[data-testid="phase-badge"][data-phase="DONE"]').waitFor();
  await reader.locator('[data-testid="read-only-note"]').waitFor();
  for (const id of ['action-generate', 'action-reset', 'action-cancel', 'action-pause', 'quantity']) await expect(reader.locator(`[data-testid="${id}"]`), `${id} with the read key`).toHaveCount(0);
  await reader.goto(`${read}/queue`, { waitUntil: 'domcontentloaded' });
  await reader.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 20_000 });
  await expect(reader.locator('[data-testid="action-clean"]'), 'the clean control with the read key').toHaveCount(0);
  await reader.goto(`${read}/eventos`, { waitUntil: 'domcontentloaded' });
  await reader.locator('[data-testid="read-only-note"]').waitFor();
  for (const id of ['events-reset', 'events-burst-start', 'events-dead-retry-all']) await expect(reader.locator(`[data-testid="${id}"]`), `${id} with the read key`).toHaveCount(0);
  await reader.goto(`${read}/audit`, { waitUntil: 'domcontentloaded' });
  await reader.locator(`[data-testid="audit-row"][data-action="generate"][data-run-id="${runId}"]`).first().waitFor();
  await reader.screenshot({ path: path.join(RESULTS, 'audit-read-key.png'), fullPage: true });
  // A run's report downloads with the read key too (a plain link could not send it).
  await reader.goto(`${read}/runs/${runId}`, { waitUntil: 'domcontentloaded' });
  const [csv] = await Promise.all([reader.waitForEvent('download', { timeout: 15_000 }), reader.click('[data-testid="run-report-csv"]')]);
  const content = readFileSync(await csv.path(), 'utf8');
  expect(content, "the CSV downloaded with the read key").toContain(runId);
  expect(content).not.toMatch(/UNAUTHORIZED/);
  // The same page with the API key still shows the controls.
  const writer = await page.context().newPage();
  await writer.goto('/', { waitUntil: 'domcontentloaded' });
  await writer.locator('[data-testid="action-generate"]').waitFor();
  await expect(writer.locator('[data-testid="read-only-note"]'), 'the read-only note with the API key').toHaveCount(0);
  await writer.close();
});
