import { describe, expect, it } from 'vitest';
import { auditKey } from './keys';
import { outcomeText, outcomeTone, paramsText } from './audit-format';

const outcome = (status: number, code: string | null = null) => ({ status, code, message: null, durationMs: 1 });

describe('audit formatting', () => {
  it('shows the status and, when it failed, the error code; refusals apart from failures', () => {
    expect(outcomeText(outcome(202))).toBe('202');
    expect(outcomeText(outcome(409, 'RUN_ALREADY_ACTIVE'))).toBe('409 RUN_ALREADY_ACTIVE');
    expect([outcome(200), outcome(401, 'UNAUTHORIZED'), outcome(403, 'FORBIDDEN'), outcome(409, 'NO_ACTIVE_RUN'), outcome(500, 'INTERNAL_ERROR')].map(outcomeTone)).toEqual([
      'ok',
      'refused',
      'refused',
      'failed',
      'failed',
    ]);
  });

  it('puts route, query and body parameters on one bounded line', () => {
    expect(paramsText({ query: { quantity: '200', autoProcess: 'false' } })).toBe('quantity=200 autoProcess=false');
    expect(paramsText({ route: { queueName: 'orders-vip' }, body: { eventIds: ['a', 'b'] } })).toBe('queueName=orders-vip {"eventIds":["a","b"]}');
    expect(paramsText({})).toBe('');
    expect(paramsText(undefined)).toBe('');
    const long = paramsText({ body: { note: 'x'.repeat(500) } });
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });

  it('builds the contract path of a page, with only the filters given', () => {
    expect(auditKey(1, 25)).toBe('/pedidos/audit?page=1&limit=25');
    expect(auditKey(2, 10, { action: 'queue.pause', runId: 'r-1' })).toBe('/pedidos/audit?page=2&limit=10&action=queue.pause&runId=r-1');
    expect(auditKey(1, 10, { action: '', runId: undefined })).toBe('/pedidos/audit?page=1&limit=10');
  });
});
