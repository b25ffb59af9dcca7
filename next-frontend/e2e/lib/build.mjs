import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runToCompletion } from './processes.mjs';

/** Newest mtime under a path (files only), to decide whether the build is stale. */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), 0);
}

/** Builds the backend when dist/ is missing and the dashboard when its sources are newer than its build (as dashboard.e2e.mjs does). */
export async function buildIfNeeded({ root, frontend, results, log }) {
  const backend = path.join(root, 'nest-backend');
  if (!existsSync(path.join(backend, 'dist', 'main.js'))) {
    log('building the backend (dist/main.js missing)');
    await runToCompletion('npx', ['-y', 'pnpm@10', '--filter', 'nest-backend', 'build'], {
      cwd: root,
      env: process.env,
      timeoutMs: 5 * 60_000,
      logFile: path.join(results, 'backend-build.log'),
    });
  }
  const buildId = path.join(frontend, '.next', 'BUILD_ID');
  const sources = Math.max(
    newestMtime(path.join(frontend, 'app')),
    newestMtime(path.join(frontend, 'next.config.ts')),
    newestMtime(path.join(frontend, 'package.json')),
  );
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
    log('building the dashboard (no build, or sources newer than it)');
    await runToCompletion(process.execPath, [path.join(frontend, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: frontend,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      timeoutMs: 10 * 60_000,
      logFile: path.join(results, 'next-build.log'),
    });
  }
}
