import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('applies the documented defaults when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env.MAX_ORDERS).toBe(1_500_000);
    expect(env.ORDERS_QUEUE_CONCURRENCY).toBe(25);
    expect(env.BACKEND_LOGS).toBe(true);
    expect(env.API_KEY).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    const env = validateEnvironment({ ORDERS_PER_JOB: '250', BACKEND_LOGS: 'false', PORT: '0' });
    expect(env.ORDERS_PER_JOB).toBe(250);
    expect(env.BACKEND_LOGS).toBe(false);
    expect(env.PORT).toBe(0);
  });

  it('names every bad variable in one error', () => {
    expect(() => validateEnvironment({ ORDERS_PER_JOB: 'lots', MONGO_URI: 'postgres://x', BACKEND_LOGS: 'maybe' })).toThrow(
      /ORDERS_PER_JOB="lots"[\s\S]*MONGO_URI="postgres:\/\/x"|MONGO_URI="postgres:\/\/x"[\s\S]*ORDERS_PER_JOB="lots"/,
    );
    expect(() => validateEnvironment({ BACKEND_LOGS: 'maybe' })).toThrow(/BACKEND_LOGS="maybe"/);
    expect(() => validateEnvironment({ ORDERS_QUEUE_CONCURRENCY: '0' })).toThrow(/ORDERS_QUEUE_CONCURRENCY="0"/);
  });

  it('limits control requests to 60 a minute unless RATE_LIMIT_PER_MINUTE says otherwise (0 = off)', () => {
    expect(validateEnvironment({}).RATE_LIMIT_PER_MINUTE).toBe(60);
    expect(validateEnvironment({ RATE_LIMIT_PER_MINUTE: '0' }).RATE_LIMIT_PER_MINUTE).toBe(0);
    expect(() => validateEnvironment({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE="-1"/);
    expect(() => validateEnvironment({ RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(/RATE_LIMIT_PER_MINUTE="many"/);
  });
});
