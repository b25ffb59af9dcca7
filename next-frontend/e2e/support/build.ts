import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runToCompletion } from '@pedidos/processes';
import { BACKEND, FRONTEND, NEXT_BIN, RESULTS, ROOT } from './paths';

/** Newest mtime under a path (files only), to decide whether the build is stale. */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), 0);
}

/** Builds the backend when dist/ is missing and the dashboard when its sources are newer than its build. */
export async function buildIfNeeded(log: (message: string) => void): Promise<void> {
  if (!existsSync(path.join(BACKEND, 'dist', 'main.js'))) {
    log('building the backend (dist/main.js missing)');
    await runToCompletion(
      { name: 'backend build', command: 'npx', args: ['-y', 'pnpm@10', '--filter', 'nest-backend', 'build'], cwd: ROOT, logFile: path.join(RESULTS, 'backend-build.log') },
      { timeoutMs: 5 * 60_000 },
    );
  }
  const buildId = path.join(FRONTEND, '.next', 'BUILD_ID');
  const sources = Math.max(
    newestMtime(path.join(FRONTEND, 'app')),
    newestMtime(path.join(FRONTEND, 'next.config.ts')),
    newestMtime(path.join(FRONTEND, 'package.json')),
  );
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
    log('building the dashboard (no build, or sources newer than it)');
    await runToCompletion(
      {
        name: 'next build',
        command: process.execPath,
        args: [NEXT_BIN, 'build'],
        cwd: FRONTEND,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
        logFile: path.join(RESULTS, 'next-build.log'),
      },
      { timeoutMs: 10 * 60_000 },
    );
  }
}
