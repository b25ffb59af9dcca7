import { seen } from './rule.fixtures';
import { UnreachableRule } from './unreachable.rule';

describe('UnreachableRule', () => {
  it('opens after the service stayed unreachable for the threshold, and clears when it answers', async () => {
    let up = true;
    const rule = new UnreachableRule('queue-unreachable', 30_000, async () => up);
    expect(await rule.evaluate(seen(0, undefined))).toEqual([]);
    up = false;
    expect(await rule.evaluate(seen(5, undefined))).toEqual([]);
    expect(await rule.evaluate(seen(34, undefined))).toEqual([]);
    const [down] = (await rule.evaluate(seen(35, undefined)))!;
    expect(down).toMatchObject({ key: 'queue-unreachable', severity: 'critical', details: { unreachableForS: 30, thresholdS: 30, since: new Date(5_000).toISOString() } });
    expect(down.message).toBe('the queue (Redis) has been unreachable for 30 s');
    up = true;
    expect(await rule.evaluate(seen(36, undefined))).toEqual([]);
  });

  it('a blip shorter than the threshold starts the count again', async () => {
    let up = false;
    const rule = new UnreachableRule('database-unreachable', 10_000, async () => up);
    await rule.evaluate(seen(0, null));
    up = true;
    await rule.evaluate(seen(9, null));
    up = false;
    expect(await rule.evaluate(seen(10, null))).toEqual([]);
    expect(await rule.evaluate(seen(20, null))).toHaveLength(1);
  });

  it('is off at 0', async () => {
    expect(await new UnreachableRule('database-unreachable', 0, async () => false).evaluate(seen(1_000, null))).toEqual([]);
  });
});
