import { MAX_JSON_LENGTH, boundedForAudit, boundedValue } from './bounded-value';

describe('boundedValue', () => {
  it('keeps small JSON values as they are', () => {
    const value = { query: { quantity: '200', autoProcess: 'false' }, body: { eventIds: ['a', 'b'], n: 3, ok: true, none: null } };
    expect(boundedValue(value)).toEqual(value);
  });

  it('cuts long strings, long arrays, wide objects and deep nesting, saying what was left out', () => {
    expect(boundedValue('x'.repeat(500))).toBe(`${'x'.repeat(200)}… (500 characters)`);
    expect(boundedValue(Array.from({ length: 25 }, (_, i) => i))).toEqual([...Array.from({ length: 20 }, (_, i) => i), '… 5 more']);
    const wide = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(boundedValue(wide) as object)).toHaveLength(21);
    expect((boundedValue(wide) as Record<string, unknown>)['…']).toBe('3 more keys');
    expect(boundedValue({ a: { b: { c: { d: 1 } } } })).toEqual({ a: { b: { c: '…' } } });
  });

  it('turns what JSON cannot hold into JSON', () => {
    expect(boundedValue({ f: () => 1, u: undefined, n: Number.NaN, d: new Date('2026-01-01T00:00:00Z') })).toEqual({ f: null, n: 'NaN', d: '2026-01-01T00:00:00.000Z' });
  });
});

describe('boundedForAudit', () => {
  it('never gives more than MAX_JSON_LENGTH characters of JSON', () => {
    const huge = { ids: Array.from({ length: 20 }, () => Array.from({ length: 20 }, () => 'y'.repeat(300))) };
    const kept = boundedForAudit(huge) as { truncated: boolean; preview: string };
    expect(kept.truncated).toBe(true);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(MAX_JSON_LENGTH);
  });
});
