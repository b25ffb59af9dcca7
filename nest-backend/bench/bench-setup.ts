import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { machine } from './report';
import type { ServerInfo } from './services';

/** The workspace root: the nearest parent holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string): string {
  for (let dir = from, i = 0; i < 10; dir = dirname(dir), i++) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
  }
  throw new Error(`no pnpm-workspace.yaml above ${from}`);
}

export function findBackendDir(from: string): string {
  for (let dir = from, i = 0; i < 10; dir = dirname(dir), i++) {
    if (existsSync(join(dir, 'tsconfig.build.json'))) return dir;
  }
  throw new Error(`no tsconfig.build.json above ${from}`);
}

/** The V8 flags the backend runs with in production (`node-flags.json`, the one place they are written). */
export function backendNodeFlags(backendDir: string): string[] {
  return JSON.parse(readFileSync(join(backendDir, 'node-flags.json'), 'utf8')) as string[];
}

/** Same as `pnpm --filter nest-backend build`: dist/main.js and dist/worker.js from the current sources. */
export function buildBackend(backendDir: string): void {
  process.stderr.write('bench: building nest-backend (tsc -p tsconfig.build.json)\n');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [backendDir] });
  const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: backendDir, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the backend build failed (see above)');
}

/** What every result file starts with: when, how (`pnpm <script> -- …`), where and on what code it was measured. */
export function resultHeader(script: string, source: string, server: ServerInfo | null) {
  return {
    date: new Date().toISOString(),
    command: `pnpm ${script} -- ${process.argv.slice(2).filter((arg) => arg !== '--').join(' ')}`.trim(),
    machine: machine(),
    source,
    ...(server && { server: server.id, serverInfo: server }),
  };
}
