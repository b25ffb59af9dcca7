import { drainPollDelay } from './run-orchestrator.service';

describe('drainPollDelay', () => {
  it('checks every 100 ms when the lane is empty or nearly so', () => {
    expect(drainPollDelay(0)).toBe(100);
    expect(drainPollDelay(2)).toBe(120);
  });

  it('checks at most once a second while many jobs are left', () => {
    expect(drainPollDelay(250)).toBe(1000);
    expect(drainPollDelay(1_000_000)).toBe(1000);
  });
});
