import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { LogBook, LogLine, RunEvent, RunEvents } from '../../domain/ports/run-events.port';
import { RedisClient } from './redis-client';
import { RedisKeys } from './redis-keys';

const LOG_LINES_KEPT = 1_000;

/** Events over Redis pub/sub, so every API process hears what any process (workers included) says. */
@Injectable()
export class RedisRunEvents extends RunEvents implements OnApplicationShutdown {
  private subscriber: RedisClient | null = null;
  private readonly listeners = new Set<(event: RunEvent) => void>();

  constructor(
    @Inject(Redis) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
  }

  async publish(event: RunEvent): Promise<void> {
    await this.redis.publish(this.keys.events, JSON.stringify(event));
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    this.ensureSubscriber();
    return () => this.listeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
  }

  private ensureSubscriber(): void {
    if (this.subscriber) return;
    this.subscriber = this.redis.duplicate();
    void this.subscriber.subscribe(this.keys.events);
    this.subscriber.on('message', (_channel: string, message: string) => {
      let event: RunEvent;
      try {
        event = JSON.parse(message) as RunEvent;
      } catch {
        return;
      }
      for (const listener of this.listeners) listener(event);
    });
  }
}

/** The last log lines of every process, in a capped Redis list (newest first in Redis, oldest first out). */
@Injectable()
export class RedisLogBook extends LogBook {
  constructor(
    @Inject(Redis) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
  }

  async append(line: LogLine): Promise<void> {
    await this.redis.multi().lpush(this.keys.logs, JSON.stringify(line)).ltrim(this.keys.logs, 0, LOG_LINES_KEPT - 1).exec();
  }

  async tail(lines: number): Promise<LogLine[]> {
    const raw = await this.redis.lrange(this.keys.logs, 0, lines - 1);
    return raw.map((entry) => JSON.parse(entry) as LogLine).reverse();
  }

  async clear(): Promise<void> {
    await this.redis.del(this.keys.logs);
  }
}
