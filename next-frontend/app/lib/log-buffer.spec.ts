import { describe, expect, it } from 'vitest';
import type { LogLine } from '@pedidos/contract';
import { appendLogLines, filterLogLines, toLogLines } from './log-buffer';

const line = (second: number, message = `line ${second}`, level: LogLine['level'] = 'info', source = 'api'): LogLine => ({
  at: `2026-11-21T14:00:${String(second).padStart(2, '0')}.000Z`,
  level,
  source,
  message,
});

describe('appendLogLines', () => {
  it('keeps only the newest lines up to the bound', () => {
    let buffer: LogLine[] = [];
    for (let i = 0; i < 50; i++) buffer = appendLogLines(buffer, [line(i)], 10);
    expect(buffer).toHaveLength(10);
    expect(buffer[0].message).toBe('line 40');
    expect(buffer[9].message).toBe('line 49');
  });

  it('ignores lines it already has (initial fetch overlapping the socket)', () => {
    const buffer = appendLogLines([], [line(1), line(2)]);
    const merged = appendLogLines(buffer, [line(1), line(2), line(3)]);
    expect(merged.map((l) => l.message)).toEqual(['line 1', 'line 2', 'line 3']);
  });

  it('puts a late older line back in time order', () => {
    const merged = appendLogLines([line(5), line(6)], [line(1)]);
    expect(merged.map((l) => l.message)).toEqual(['line 1', 'line 5', 'line 6']);
  });

  it('returns the same array when nothing is new (no re-render)', () => {
    const buffer = [line(1)];
    expect(appendLogLines(buffer, [line(1)])).toBe(buffer);
  });
});

describe('filterLogLines', () => {
  const lines = [line(1, 'generated 1000 orders'), line(2, 'job failed', 'error', 'worker-42'), line(3, 'debugging', 'debug')];

  it('filters by level', () => {
    expect(filterLogLines(lines, { levels: ['error'], query: '' }).map((l) => l.message)).toEqual(['job failed']);
  });

  it('searches message and source, case-insensitively', () => {
    expect(filterLogLines(lines, { levels: ['info', 'error', 'debug', 'warn'], query: 'WORKER-42' })).toHaveLength(1);
    expect(filterLogLines(lines, { levels: ['info', 'error', 'debug', 'warn'], query: 'orders' })).toHaveLength(1);
  });
});

describe('toLogLines', () => {
  it('accepts one line, an array, and ignores junk', () => {
    expect(toLogLines(line(1))).toHaveLength(1);
    expect(toLogLines([line(1), line(2)])).toHaveLength(2);
    expect(toLogLines(null)).toHaveLength(0);
    expect(toLogLines({ nope: true })).toHaveLength(0);
  });
});
