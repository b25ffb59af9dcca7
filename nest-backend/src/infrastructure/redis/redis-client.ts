import Redis from 'ioredis';

export function connectRedis(url: string): Redis {
  // Commands wait for a reconnect instead of failing at once, so a Redis restart is a pause, not an error.
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
