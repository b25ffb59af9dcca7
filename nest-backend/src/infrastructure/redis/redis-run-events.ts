import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { LogBook, LogLine, RunEvent, RunEvents } from '../../domain/ports/run-events.port';
import { RedisChannel } from './redis-channel';
import { RedisClient } from './redis-client';
import { RedisKeys } from './redis-keys';

const LOG_LINES_KEPT = 1_000;

/** Events over Redis pub/sub, so every API process hears what any process (workers included) says. */
@Injectable()
export class RedisRunEvents extends RunEvents implements OnApplicationShutdown {
  private readonly channel: RedisChannel<RunEvent>;

  constructor(@Inject(Redis) redis: RedisClient, keys: RedisKeys) {
    super();
    this.channel = new RedisChannel(redis, keys.events);
  }

  async publish(event: RunEvent): Promise<void> {
    await this.channel.publish(event);
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    return this.channel.subscribe(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.close();
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
