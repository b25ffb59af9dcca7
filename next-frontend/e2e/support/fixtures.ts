import { test as base, expect } from '@playwright/test';
import { Stack } from './stack';

export { expect };

/** The dashboard suite's key, and the marker whose events the event store refuses (so checks get dead letters). */
export const API_KEY = 'e2e-dashboard-key';
export const EVENTS_FAIL_MARKER = 'e2e_poison';

/** `count` events the event store refuses every time (they carry EVENTS_FAIL_MARKER), so they end as dead letters. */
export const poisonEvents = (count: number, idPrefix: string) =>
  Array.from({ length: count }, (_, n) => ({
    eventId: `${idPrefix}-${Date.now()}-${n}`,
    userId: 'e2e-user',
    sessionId: 'e2e-session',
    eventType: 'purchase',
    eventData: { [EVENTS_FAIL_MARKER]: true },
  }));

/**
 * `stack`: the backend and dashboard every test of a worker shares (started once per worker; a failed test's
 * worker is replaced, and with it the stack). `page` errors: a test fails on any uncaught error in its page.
 */
export const test = base.extend<{ pageErrors: string[] }, { stack: Stack }>({
  stack: [
    async ({}, use) => {
      const stack = await new Stack({
        name: 'dashboard',
        apiKey: API_KEY,
        backendEnv: { EVENTS_FAIL_MARKER },
        dashboards: { dashboard: { API_KEY } },
      }).start();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 3 * 60_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.dashboardUrls.dashboard),
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});
