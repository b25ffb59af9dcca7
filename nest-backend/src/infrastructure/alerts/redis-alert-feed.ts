import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AlertChange } from '../../domain/alerts/alert';
import { AlertFeed } from '../../domain/alerts/ports/alert-feed.port';
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
  private readonly listeners = new Set<(change: AlertChange) => void>();
  private subscriber: RedisClient | null = null;

  constructor(
    @Inject(Redis) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    super();
  }

  async publish(change: AlertChange): Promise<void> {
    this.tell(change);
    await this.redis.publish(this.keys.alerts('changes'), JSON.stringify({ origin: this.origin, state: change.state, alert: alertToJson(change.alert) }));
  }

  subscribe(listener: (change: AlertChange) => void): () => void {
    this.listeners.add(listener);
    this.ensureSubscriber();
    return () => this.listeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
  }

  private tell(change: AlertChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private ensureSubscriber(): void {
    if (this.subscriber) return;
    this.subscriber = this.redis.duplicate();
    void this.subscriber.subscribe(this.keys.alerts('changes'));
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        const { origin, state, alert } = JSON.parse(message) as { origin: string; state: AlertChange['state']; alert: string };
        if (origin !== this.origin) this.tell({ state, alert: alertFromJson(alert) });
      } catch {
        // Not one of ours.
      }
    });
  }
}
