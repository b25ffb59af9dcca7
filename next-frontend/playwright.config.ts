import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/browser.cjs';

/**
 * The dashboard's browser tests: Debian's Chromium (`npx playwright install` cannot run on these machines), one
 * worker (the tests share one backend and one dashboard per worker, on the machine's two cores), no retries: a
 * check that passes only on its second try is reported as failing. A failed test keeps its trace and screenshot
 * under test-results/playwright/.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: './test-results/playwright',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 4 * 60_000,
  globalTimeout: Number(process.env.E2E_TIMEOUT_MS || 35 * 60_000),
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    headless: true,
    locale: 'pt-BR',
    viewport: { width: 1366, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
