import { flushDecision } from './batching-policy';

const POLICY = { size: 100, flushMs: 500 };

describe('flushDecision (size or age, whichever first)', () => {
  it('waits for nothing when nothing is held', () => {
    expect(flushDecision(POLICY, 0, null, 1_000)).toEqual({ flush: false, waitMs: null });
  });

  it('flushes a full batch at once, however young, taking exactly the size', () => {
    expect(flushDecision(POLICY, 100, 1_000, 1_000)).toEqual({ flush: true, take: 100, reason: 'size' });
    expect(flushDecision(POLICY, 250, 1_000, 1_001)).toEqual({ flush: true, take: 100, reason: 'size' });
  });

  it('waits until the oldest event is flushMs old, then flushes what is held', () => {
    expect(flushDecision(POLICY, 7, 1_000, 1_000)).toEqual({ flush: false, waitMs: 500 });
    expect(flushDecision(POLICY, 7, 1_000, 1_300)).toEqual({ flush: false, waitMs: 200 });
    expect(flushDecision(POLICY, 7, 1_000, 1_500)).toEqual({ flush: true, take: 7, reason: 'age' });
    expect(flushDecision(POLICY, 99, 1_000, 9_000)).toEqual({ flush: true, take: 99, reason: 'age' });
  });

  it('treats a size of 1 as "write each event as it comes"', () => {
    expect(flushDecision({ size: 1, flushMs: 500 }, 1, 1_000, 1_000)).toEqual({ flush: true, take: 1, reason: 'size' });
  });
});
