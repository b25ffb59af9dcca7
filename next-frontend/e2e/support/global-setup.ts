import { mkdirSync } from 'node:fs';
import { buildIfNeeded } from './build';
import { RESULTS } from './paths';

/** Once before the browser tests: the services must be given, and the backend and dashboard built. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.MONGO_URI || !process.env.REDIS_URL) {
    throw new Error('MONGO_URI and REDIS_URL must point to running services (the root `pnpm test` exports them)');
  }
  mkdirSync(RESULTS, { recursive: true });
  await buildIfNeeded((message) => console.log(`[e2e] ${message}`));
}
