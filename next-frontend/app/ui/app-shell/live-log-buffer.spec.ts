import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogLine } from '@pedidos/contract';
import { mergingLogsFetcher } from './live-log-buffer';

const line = (second: number): LogLine => ({ at: `2026-11-21T14:00:${String(second).padStart(2, '0')}.000Z`, level: 'info', source: 'api', message: `line ${second}` });

const APP = path.resolve(__dirname, '../..');
const sources = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });

describe('the live log buffer', () => {
  it('keeps the lines received over the socket when the tail is fetched again', async () => {
    const fetcher = mergingLogsFetcher(async () => ({ lines: [line(1), line(2)] }), () => [line(2), line(3)]);
    expect((await fetcher('/any')).lines.map((l) => l.message)).toEqual(['line 1', 'line 2', 'line 3']);
  });

  it('starts from the fetched tail when nothing is buffered, and survives a body without lines', async () => {
    expect((await mergingLogsFetcher(async () => ({ lines: [line(1)] }), () => undefined)('/any')).lines).toEqual([line(1)]);
    expect((await mergingLogsFetcher(async () => ({}), () => [line(4)])('/any')).lines).toEqual([line(4)]);
  });

  it('is the only module that names the logs path, so no hook can read it with another fetcher', () => {
    const naming = sources(APP).filter((file) => readFileSync(file, 'utf8').includes('/pedidos/logs'));
    expect(naming.map((file) => path.relative(APP, file))).toEqual([path.join('ui', 'app-shell', 'live-log-buffer.ts')]);
  });
});
