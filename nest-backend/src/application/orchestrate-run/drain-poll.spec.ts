import { LiveCounters, newRun } from '../../domain/run';
import { countersAreExact, drainPollDelay, laneLooksSettled } from './drain-signals';

const run = { ...newRun('r', 10_000, true, new Date(0), 1000), generated: 10_000, vipGenerated: 2_500, normalGenerated: 7_500 };

function counters(changes: Partial<LiveCounters>): LiveCounters {
  return { vipProcessed: 0, normalProcessed: 0, failed: 0, vipStart: null, vipEnd: null, normalStart: null, normalEnd: null, ...changes };
}

describe('drainPollDelay', () => {
  it('until a job has reported, waits a quarter of the time waited so far, within 100 ms and 1 s', () => {
    expect(drainPollDelay(run, 'VIP', null, 0, 200)).toBe(100);
    expect(drainPollDelay(run, 'VIP', counters({ vipStart: 500 }), 0, 2_000)).toBe(500);
    expect(drainPollDelay(run, 'NORMAL', counters({ vipStart: 0, vipProcessed: 2_500 }), 0, 30_000)).toBe(1_000);
  });

  it('waits half the time the lane still needs at its average rate, within 100 ms and 1 s', () => {
    // 500 orders in 1 s: 2,000 left need 4 s
    expect(drainPollDelay(run, 'VIP', counters({ vipStart: 0, vipProcessed: 500 }), 0, 1_000)).toBe(1_000);
    // 2,400 in 2.4 s: 100 left need 100 ms
    expect(drainPollDelay(run, 'VIP', counters({ vipStart: 0, vipProcessed: 2_400 }), 0, 2_400)).toBe(100);
    // 7,000 NORMAL in 7 s: 500 left need 500 ms
    expect(drainPollDelay(run, 'NORMAL', counters({ normalStart: 10_000, normalProcessed: 7_000 }), 0, 17_000)).toBe(250);
  });

  it('checks every 100 ms once the lane is overdue', () => {
    expect(drainPollDelay(run, 'NORMAL', counters({ normalStart: 0, normalProcessed: 7_500 }), 0, 9_000)).toBe(100);
  });
});

describe('laneLooksSettled', () => {
  it('is false without counters and while orders of the lane are unsettled', () => {
    expect(laneLooksSettled(run, 'VIP', null)).toBe(false);
    expect(laneLooksSettled(run, 'VIP', counters({ vipProcessed: 2_499 }))).toBe(false);
    expect(laneLooksSettled(run, 'NORMAL', counters({ vipProcessed: 2_500, normalProcessed: 7_499 }))).toBe(false);
  });

  it('counts failed orders as settled', () => {
    expect(laneLooksSettled(run, 'VIP', counters({ vipProcessed: 2_490, failed: 10 }))).toBe(true);
    expect(laneLooksSettled(run, 'NORMAL', counters({ vipProcessed: 2_500, normalProcessed: 7_490, failed: 10 }))).toBe(true);
  });
});

describe('countersAreExact', () => {
  it('holds when the counters add up to every order the drained lanes hold', () => {
    expect(countersAreExact(run, 'VIP', counters({ vipProcessed: 2_495, failed: 5 }))).toBe(true);
    expect(countersAreExact(run, 'NORMAL', counters({ vipProcessed: 2_495, normalProcessed: 7_500, failed: 5 }))).toBe(true);
  });

  it('does not hold when a counter lags (a slice whose count was lost)', () => {
    expect(countersAreExact(run, 'VIP', counters({ vipProcessed: 2_000 }))).toBe(false);
    expect(countersAreExact(run, 'NORMAL', counters({ vipProcessed: 2_500, normalProcessed: 2_500 }))).toBe(false);
    expect(countersAreExact(run, 'NORMAL', null)).toBe(false);
  });

  it('does not hold for the VIP lane of a reopened run, whose failed figure may be NORMAL orders', () => {
    const reopened = { ...run, processing: { ...run.processing, normal: { start: new Date(1), end: new Date(2), count: 7_000 } } };
    expect(countersAreExact(reopened, 'VIP', counters({ vipProcessed: 2_000, normalProcessed: 7_000, failed: 500 }))).toBe(false);
  });
});
