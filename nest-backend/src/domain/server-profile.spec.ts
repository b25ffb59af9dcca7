import { newRun } from './run';
import { MIN_ORDERS_FOR_RATE, measuredRate } from './server-profile';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const done = (orders: number, seconds: number, phase: 'DONE' | 'ABORTED' = 'DONE') => ({
  ...newRun(`r-${orders}-${seconds}`, orders, true, at(0), 5000),
  phase,
  generated: orders,
  finishedAt: at(seconds),
});

describe('measuredRate', () => {
  it('is the orders of the finished runs over their summed wall time', () => {
    expect(measuredRate([done(100_000, 50), done(20_000, 20)])).toEqual({ ordersPerSecond: 1714, runs: 2, orders: 120_000 });
  });

  it('leaves out runs that did not finish DONE and runs too small to say anything', () => {
    expect(measuredRate([done(100_000, 40, 'ABORTED'), done(MIN_ORDERS_FOR_RATE - 1, 1), { ...done(50_000, 10), finishedAt: null }])).toBeNull();
    expect(measuredRate([done(50_000, 25), done(100, 1)])).toEqual({ ordersPerSecond: 2000, runs: 1, orders: 50_000 });
  });

  it('is null with no run', () => {
    expect(measuredRate([])).toBeNull();
  });
});
