import { currentRate, rate } from './metrics';

describe('rate', () => {
  it('is orders per second, rounded', () => {
    expect(rate(1000, 2000)).toBe(500);
    expect(rate(2, 3000)).toBe(1);
    expect(rate(1, 3000)).toBe(0);
  });

  it('is 0 when no time has passed or time is unknown', () => {
    expect(rate(100, 0)).toBe(0);
    expect(rate(100, null)).toBe(0);
    expect(rate(100, -50)).toBe(0);
  });
});

describe('currentRate', () => {
  const samples = [
    { at: 0, processed: 0 },
    { at: 1000, processed: 100 },
    { at: 2000, processed: 300 },
  ];

  it('measures between the oldest and newest sample inside the window', () => {
    expect(currentRate(samples, 10_000, 2000)).toBe(150);
  });

  it('ignores samples older than the window', () => {
    expect(currentRate(samples, 1000, 2000)).toBe(200);
  });

  it('is 0 with fewer than two samples in the window', () => {
    expect(currentRate(samples, 500, 2000)).toBe(0);
    expect(currentRate(samples, 5000, 60_000)).toBe(0);
    expect(currentRate([], 5000, 0)).toBe(0);
  });
});
