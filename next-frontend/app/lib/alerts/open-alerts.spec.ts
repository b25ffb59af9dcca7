import { describe, expect, it } from 'vitest';
import { bySeverity, withChange } from './open-alerts';
import type { Alert } from '@pedidos/contract';

function alert(id: string, key: string, openedAt: string, severity: Alert['severity'] = 'warning'): Alert {
  return { id, key, kind: 'lane-stalled', severity, message: key, runId: 'r', lane: 'VIP', details: {}, openedAt, clearedAt: null };
}

describe('withChange', () => {
  const stalled = alert('a1', 'lane-stalled:VIP', '2026-12-02T10:00:00.000Z');
  const failed = alert('a2', 'run-error:r', '2026-12-02T10:01:00.000Z', 'critical');

  it('adds an opened alert, oldest first, and replaces an older one of the same key', () => {
    expect(withChange([failed], { state: 'open', alert: stalled }).map((a) => a.id)).toEqual(['a1', 'a2']);
    const again = alert('a3', 'lane-stalled:VIP', '2026-12-02T10:05:00.000Z');
    expect(withChange([stalled, failed], { state: 'open', alert: again }).map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(withChange([stalled], { state: 'open', alert: stalled })).toEqual([stalled]);
  });

  it('removes a cleared alert, and ignores the clear of one it does not show', () => {
    expect(withChange([stalled, failed], { state: 'cleared', alert: { ...stalled, clearedAt: '2026-12-02T10:02:00.000Z' } })).toEqual([failed]);
    const newer = alert('a3', 'lane-stalled:VIP', '2026-12-02T10:05:00.000Z');
    expect(withChange([newer], { state: 'cleared', alert: stalled })).toEqual([newer]);
  });
});

describe('bySeverity', () => {
  it('shows critical alerts first, then the oldest', () => {
    const list = [alert('w1', 'a', '2026-12-02T10:00:00.000Z'), alert('c1', 'b', '2026-12-02T10:03:00.000Z', 'critical'), alert('c0', 'c', '2026-12-02T10:02:00.000Z', 'critical')];
    expect(bySeverity(list).map((a) => a.id)).toEqual(['c0', 'c1', 'w1']);
  });
});
