import { LaneStallRule } from './lane-stall.rule';
import { runAt, seen } from './rule.fixtures';

describe('LaneStallRule', () => {
  const draining = (vip: number) => runAt({ phase: 'WAITING_VIP_DRAIN', vip });
  let paused: boolean;
  let rule: LaneStallRule;

  beforeEach(() => {
    paused = false;
    rule = new LaneStallRule(10_000, async () => paused);
  });

  it('reports a lane with work that made no progress for the threshold, and no sooner', async () => {
    expect(await rule.evaluate(seen(0, draining(100)))).toEqual([]);
    expect(await rule.evaluate(seen(9.9, draining(100)))).toEqual([]);
    const [stalled] = (await rule.evaluate(seen(10, draining(100))))!;
    expect(stalled).toMatchObject({ key: 'lane-stalled:VIP', lane: 'VIP', runId: 'run-1', severity: 'warning', details: { stalledForS: 10, thresholdS: 10, paused: false } });
    expect(stalled.message).toContain('VIP lane of run run-1 made no progress for 10 s');
  });

  it('progress restarts the clock, so a lane that moves again is no longer stalled', async () => {
    await rule.evaluate(seen(0, draining(100)));
    expect(await rule.evaluate(seen(12, draining(100)))).toHaveLength(1);
    expect(await rule.evaluate(seen(13, draining(150)))).toEqual([]);
    expect(await rule.evaluate(seen(22, draining(150)))).toEqual([]);
    expect(await rule.evaluate(seen(23, draining(150)))).toHaveLength(1);
  });

  it('a paused queue does not excuse a lane with work: the alert says it is paused', async () => {
    paused = true;
    await rule.evaluate(seen(0, draining(100)));
    const [stalled] = (await rule.evaluate(seen(10, draining(100))))!;
    expect(stalled.details.paused).toBe(true);
    expect(stalled.message).toContain('(the queue is paused)');
  });

  it('a lane without work never stalls, and its clock starts when work arrives', async () => {
    // Generating, no VIP slice queued yet: nothing to do for 60 s.
    for (const second of [0, 30, 60]) expect(await rule.evaluate(seen(second, runAt({ phase: 'GENERATING', vipEnqueued: 0 })))).toEqual([]);
    expect(await rule.evaluate(seen(61, runAt({ phase: 'GENERATING', vipEnqueued: 100 })))).toEqual([]);
    expect(await rule.evaluate(seen(70, runAt({ phase: 'GENERATING', vipEnqueued: 200 })))).toEqual([]);
    expect(await rule.evaluate(seen(71, runAt({ phase: 'GENERATING', vipEnqueued: 300 })))).toHaveLength(1);
  });

  it('the NORMAL clock starts when the NORMAL lane gets its slices, not at the start of the run', async () => {
    await rule.evaluate(seen(0, runAt({ phase: 'WAITING_VIP_DRAIN', vip: 0 })));
    expect(await rule.evaluate(seen(30, runAt({ phase: 'WAITING_NORMAL_DRAIN', vip: 2_500 })))).toEqual([]);
    const [stalled] = (await rule.evaluate(seen(40, runAt({ phase: 'WAITING_NORMAL_DRAIN', vip: 2_500 }))))!;
    expect(stalled).toMatchObject({ key: 'lane-stalled:NORMAL', details: { stalledForS: 10 } });
  });

  it('a finished run, no run, or another run clear the condition', async () => {
    await rule.evaluate(seen(0, draining(100)));
    expect(await rule.evaluate(seen(10, draining(100)))).toHaveLength(1);
    expect(await rule.evaluate(seen(11, runAt({ phase: 'ERROR', vip: 100 })))).toEqual([]);
    expect(await rule.evaluate(seen(12, null))).toEqual([]);
    await rule.evaluate(seen(13, draining(100)));
    expect(await rule.evaluate(seen(20, { ...draining(100), runId: 'run-2' }))).toEqual([]);
  });

  it('cannot tell when the run could not be read, and is off at 0', async () => {
    expect(await rule.evaluate(seen(0, undefined))).toBeNull();
    const off = new LaneStallRule(0, async () => false);
    await off.evaluate(seen(0, draining(100)));
    expect(await off.evaluate(seen(1_000, draining(100)))).toEqual([]);
  });
});
