import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AlertChange } from '../../domain/alerts/alert';
import { AlertFeed } from '../../domain/alerts/ports/alert-feed.port';
import { RedisChannel } from '../redis/redis-channel';
import { RedisClient } from '../redis/redis-client';
import { RedisKeys } from '../redis/redis-keys';
import { alertFromJson, alertToJson } from './alert-json';

/**
 * Alert changes over Redis pub/sub for every API process. This process's own listeners hear a change at once, not
 * through Redis, so its dashboards learn that Redis is unreachable even though the change cannot be published.
 */
@Injectable()
export class RedisAlertFeed extends AlertFeed implements OnApplicationShutdown {
  private readonly origin = randomUUID();
  private readonly channel: RedisChannel<AlertChange>;

  constructor(@Inject(Redis) redis: RedisClient, keys: RedisKeys) {
    super();
    this.channel = new RedisChannel(redis, keys.alerts('changes'), (json) => {
      const { origin, state, alert } = json as { origin: string; state: AlertChange['state']; alert: string };
      return origin === this.origin ? undefined : { state, alert: alertFromJson(alert) };
    });
  }

  async publish(change: AlertChange): Promise<void> {
    this.channel.tell(change);
    await this.channel.publish({ origin: this.origin, state: change.state, alert: alertToJson(change.alert) });
  }

  subscribe(listener: (change: AlertChange) => void): () => void {
    return this.channel.subscribe(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.close();
  }
}
