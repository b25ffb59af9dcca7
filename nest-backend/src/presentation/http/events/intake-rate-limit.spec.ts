import { IntakeRateLimit } from './intake-rate-limit';

describe('IntakeRateLimit', () => {
  it('grants a client up to the limit in events a minute, then says how long to wait', () => {
    const limit = new IntakeRateLimit(10);
    expect(limit.take('a', 6, 0)).toEqual({ allowed: true });
    expect(limit.take('a', 4, 1_000)).toEqual({ allowed: true });
    expect(limit.take('a', 1, 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limit.take('b', 10, 20_000)).toEqual({ allowed: true });
    expect(limit.take('a', 10, 60_000)).toEqual({ allowed: true });
  });

  it('refuses a batch that does not fit whole and takes nothing of it', () => {
    const limit = new IntakeRateLimit(10);
    expect(limit.take('a', 8, 0)).toEqual({ allowed: true });
    expect(limit.take('a', 3, 0)).toMatchObject({ allowed: false });
    expect(limit.take('a', 2, 0)).toEqual({ allowed: true });
  });

  it('is off at 0', () => {
    expect(new IntakeRateLimit(0).take('a', 1_000_000, 0)).toEqual({ allowed: true });
  });
});
