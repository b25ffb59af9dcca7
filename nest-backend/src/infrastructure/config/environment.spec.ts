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

  it('serves worker metrics on 9464 and keeps 1,000 finished jobs of each kind per lane unless told otherwise (0 = none)', () => {
    expect(validateEnvironment({})).toMatchObject({ METRICS_PORT: 9464, QUEUE_KEEP_COMPLETED_JOBS: 1000, QUEUE_KEEP_FAILED_JOBS: 1000 });
    expect(validateEnvironment({ METRICS_PORT: '0', QUEUE_KEEP_COMPLETED_JOBS: '0' })).toMatchObject({ METRICS_PORT: 0, QUEUE_KEEP_COMPLETED_JOBS: 0 });
    expect(() => validateEnvironment({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT="70000"/);
    expect(() => validateEnvironment({ QUEUE_KEEP_FAILED_JOBS: '-1' })).toThrow(/QUEUE_KEEP_FAILED_JOBS="-1"/);
  });
});

describe('REDIS_URL', () => {
  it('accepts one server or a cluster given by its nodes', () => {
    expect(validateEnvironment({ REDIS_URL: 'rediss://cache:6380' }).REDIS_URL).toBe('rediss://cache:6380');
    expect(validateEnvironment({ REDIS_URL: 'redis+cluster://10.0.0.1:7000,10.0.0.2:7000' }).REDIS_URL).toBe('redis+cluster://10.0.0.1:7000,10.0.0.2:7000');
  });

  it('stops the boot on a cluster URL whose nodes are not host:port, or on another scheme', () => {
    expect(() => validateEnvironment({ REDIS_URL: 'redis+cluster://10.0.0.1' })).toThrow(/REDIS_URL="redis\+cluster:\/\/10.0.0.1":.*"10.0.0.1" is not host:port/);
    expect(() => validateEnvironment({ REDIS_URL: 'memcached://x:1' })).toThrow(/REDIS_URL="memcached:\/\/x:1"/);
  });

  it('takes READ_API_KEY only next to a different API_KEY, and keeps 2,000 audit entries unless told otherwise', () => {
    expect(validateEnvironment({ API_KEY: 'write-key-123', READ_API_KEY: 'read-key-123' })).toMatchObject({ READ_API_KEY: 'read-key-123', AUDIT_MAX_ENTRIES: 2_000 });
    expect(() => validateEnvironment({ READ_API_KEY: 'read-key-123' })).toThrow(/READ_API_KEY="read-key-123": READ_API_KEY needs API_KEY/);
    expect(() => validateEnvironment({ API_KEY: 'same-key-123', READ_API_KEY: 'same-key-123' })).toThrow(/READ_API_KEY must differ from API_KEY/);
    expect(() => validateEnvironment({ API_KEY: 'write-key-123', READ_API_KEY: 'short' })).toThrow(/READ_API_KEY must be at least 8 characters/);
    expect(() => validateEnvironment({ AUDIT_MAX_ENTRIES: '10' })).toThrow(/AUDIT_MAX_ENTRIES="10"/);
  });
});
