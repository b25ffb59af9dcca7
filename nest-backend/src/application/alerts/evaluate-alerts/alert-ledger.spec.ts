import { AlertChange, AlertCondition } from '../../../domain/alerts/alert';
import { MemoryAlertStore, told } from './alert.fixtures';
import { AlertLedger } from './alert-ledger';

function stalled(lane: 'VIP' | 'NORMAL'): AlertCondition {
  return { key: `lane-stalled:${lane}`, kind: 'lane-stalled', severity: 'warning', message: `${lane} stalled`, runId: 'run-1', lane, details: {} };
}

describe('AlertLedger', () => {
  let store: MemoryAlertStore;
  let changes: AlertChange[];
  let ids: number;
  const newLedger = () => new AlertLedger(store, (change) => changes.push(change), () => `alert-${++ids}`);
  const t = (seconds: number) => new Date(seconds * 1000);

  beforeEach(() => {
    store = new MemoryAlertStore();
    changes = [];
    ids = 0;
  });

  it('tells a condition once when it opens and once when it clears, and keeps the cleared one among the recent', async () => {
    const ledger = newLedger();
    await ledger.apply('lane-stalled', [stalled('VIP')], t(1));
    await ledger.apply('lane-stalled', [stalled('VIP')], t(2));
    await ledger.apply('lane-stalled', [], t(3));
    await ledger.apply('lane-stalled', [], t(4));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'cleared lane-stalled:VIP']);
    expect(changes[1].alert).toMatchObject({ id: 'alert-1', openedAt: t(1), clearedAt: t(3) });
    expect(store.openByKey.size).toBe(0);
    expect(store.recent.map((alert) => alert.id)).toEqual(['alert-1']);
  });

  it('the same condition seen again later is a new alert', async () => {
    const ledger = newLedger();
    await ledger.apply('lane-stalled', [stalled('VIP')], t(1));
    await ledger.apply('lane-stalled', [], t(2));
    await ledger.apply('lane-stalled', [stalled('VIP')], t(3));
    expect(changes.map((change) => change.alert.id)).toEqual(['alert-1', 'alert-1', 'alert-2']);
  });

  it("changes only the given kind's alerts, and nothing when the rule could not tell", async () => {
    const ledger = newLedger();
    await ledger.apply('lane-stalled', [stalled('VIP'), stalled('NORMAL')], t(1));
    await ledger.apply('run-error', [], t(2));
    await ledger.apply('lane-stalled', null, t(3));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'open lane-stalled:NORMAL']);
    await ledger.apply('lane-stalled', [stalled('NORMAL')], t(4));
    expect(told(changes).slice(2)).toEqual(['cleared lane-stalled:VIP']);
  });

  it('an alert another evaluator already opened is taken over without being told again, and cleared once', async () => {
    const first = newLedger();
    await first.apply('lane-stalled', [stalled('VIP')], t(1));
    const second = newLedger();
    await second.apply('lane-stalled', [stalled('VIP')], t(2));
    expect(told(changes)).toEqual(['open lane-stalled:VIP']);
    await second.apply('lane-stalled', [], t(3));
    await first.apply('lane-stalled', [], t(3));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'cleared lane-stalled:VIP']);
  });

  it('a new evaluator loads the open alerts and clears them when their condition is gone', async () => {
    await newLedger().apply('lane-stalled', [stalled('VIP')], t(1));
    const next = newLedger();
    expect(await next.load()).toBe(true);
    await next.apply('lane-stalled', [], t(5));
    expect(told(changes)).toEqual(['open lane-stalled:VIP', 'cleared lane-stalled:VIP']);
  });

  it('while the store is unreachable it decides alone and tells at once, then writes what it decided, in order', async () => {
    const ledger = newLedger();
    store.reachable = false;
    await ledger.apply('queue-unreachable', [{ ...stalled('VIP'), key: 'queue-unreachable', kind: 'queue-unreachable' }], t(30));
    await ledger.apply('queue-unreachable', [], t(40));
    expect(told(changes)).toEqual(['open queue-unreachable', 'cleared queue-unreachable']);
    await ledger.sync();
    expect(store.recent).toHaveLength(0);
    store.reachable = true;
    await ledger.sync();
    expect(store.openByKey.size).toBe(0);
    expect(store.recent).toMatchObject([{ key: 'queue-unreachable', openedAt: t(30), clearedAt: t(40) }]);
    expect(changes).toHaveLength(2);
  });
});
