import { DeadLetter } from '../../../domain/dead-letter';
import { DeadLetterPage } from '../../../domain/ports/dead-letter-store.port';
import { DEAD_LETTERS_RECOUNT_MS, DeadLettersRule } from './dead-letters.rule';
import { runAt, seen } from './rule.fixtures';

function letter(orderId: string): DeadLetter {
  return { runId: 'run-1', orderId, priority: 'VIP', seq: 7, reason: 'boom', attempts: 5, failedAt: new Date(0), retriedAt: null };
}

describe('DeadLettersRule', () => {
  let total: number;
  let counts: number;
  let failing: boolean;
  const store = {
    listOpen: async (): Promise<DeadLetterPage> => {
      counts++;
      if (failing) throw new Error('database down');
      return { total, items: total > 0 ? [letter(`order-${total}`)] : [] };
    },
  };

  beforeEach(() => {
    total = 0;
    counts = 0;
    failing = false;
  });

  it('opens when dead letters appear, with the newest one, and clears when none are left', async () => {
    const rule = new DeadLettersRule(1, store);
    expect(await rule.evaluate(seen(0, runAt({ phase: 'WAITING_VIP_DRAIN' })))).toEqual([]);
    total = 3;
    const [open] = (await rule.evaluate(seen(1, runAt({ phase: 'WAITING_VIP_DRAIN', failed: 3 }))))!;
    expect(open).toMatchObject({ key: 'dead-letters', runId: 'run-1', details: { count: 3, thresholdCount: 1, newestOrderId: 'order-3', newestReason: 'boom' } });
    total = 0;
    expect(await rule.evaluate(seen(2, runAt({ phase: 'WAITING_VIP_DRAIN', failed: 0 })))).toEqual([]);
  });

  it('counts in the database only when the failed count or the run changes, or once a minute', async () => {
    const rule = new DeadLettersRule(1, store);
    const run = runAt({ phase: 'DONE', failed: 0 });
    await rule.evaluate(seen(0, run));
    for (let second = 1; second < DEAD_LETTERS_RECOUNT_MS / 1000; second++) await rule.evaluate(seen(second, run));
    expect(counts).toBe(1);
    await rule.evaluate(seen(DEAD_LETTERS_RECOUNT_MS / 1000, run));
    expect(counts).toBe(2);
    await rule.evaluate(seen(61, { ...run, failed: 1 }));
    await rule.evaluate(seen(62, null));
    expect(counts).toBe(4);
  });

  it('waits for its threshold, and cannot tell while the count fails', async () => {
    const rule = new DeadLettersRule(10, store);
    total = 9;
    expect(await rule.evaluate(seen(0, runAt({ failed: 9 })))).toEqual([]);
    failing = true;
    expect(await rule.evaluate(seen(1, runAt({ failed: 12 })))).toBeNull();
    failing = false;
    total = 12;
    expect(await rule.evaluate(seen(2, runAt({ failed: 12 })))).toHaveLength(1);
  });
});
