import { ProgressThrottle } from './progress-throttle';

describe('ProgressThrottle', () => {
  it('logs at most once per interval, and only a figure that moved', () => {
    const start = 1_000_000;
    const throttle = new ProgressThrottle(1_000, start);
    expect(throttle.due(10, start + 500)).toBe(false);
    expect(throttle.due(10, start + 1_000)).toBe(true);
    expect(throttle.due(20, start + 1_500)).toBe(false);
    expect(throttle.due(10, start + 3_000)).toBe(false);
    expect(throttle.due(30, start + 3_000)).toBe(true);
  });
});
