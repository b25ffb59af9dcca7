import { runAt, seen } from './rule.fixtures';
import { VipDeadlineRule } from './vip-deadline.rule';

describe('VipDeadlineRule', () => {
  const rule = new VipDeadlineRule(60_000);

  it('opens once the first VIP pass goes on past the deadline from the run start', async () => {
    expect(await rule.evaluate(seen(59, runAt({ phase: 'WAITING_VIP_DRAIN', vip: 2_000 })))).toEqual([]);
    const [late] = (await rule.evaluate(seen(75, runAt({ phase: 'WAITING_VIP_DRAIN', vip: 2_000 }))))!;
    expect(late).toMatchObject({ key: 'vip-deadline:run-1', lane: 'VIP', severity: 'critical', details: { deadlineS: 60, elapsedS: 75, vipSettled: 2_000, vipGenerated: 2_500 } });
  });

  it('no longer holds once the VIP drain is confirmed or the run ended', async () => {
    expect(await rule.evaluate(seen(90, runAt({ phase: 'ENQUEUE_NORMAL', vip: 2_500 })))).toEqual([]);
    expect(await rule.evaluate(seen(90, runAt({ phase: 'ABORTED', vip: 2_000 })))).toEqual([]);
  });

  it('leaves two-step runs and runs reopened by a dead-letter retry alone', async () => {
    expect(await rule.evaluate(seen(600, runAt({ phase: 'WAITING_VIP_DRAIN', autoProcess: false })))).toEqual([]);
    expect(await rule.evaluate(seen(600, runAt({ phase: 'WAITING_VIP_DRAIN', normalEnqueued: 7_500, vip: 2_490 })))).toEqual([]);
  });

  it('is off at 0, and cannot tell without the run', async () => {
    expect(await new VipDeadlineRule(0).evaluate(seen(600, runAt({ phase: 'WAITING_VIP_DRAIN' })))).toEqual([]);
    expect(await rule.evaluate(seen(600, undefined))).toBeNull();
  });
});
