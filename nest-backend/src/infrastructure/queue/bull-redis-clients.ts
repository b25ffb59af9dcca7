import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { RedisAddress } from '../redis/redis-address';
import { RedisClient, connectRedis } from '../redis/redis-client';
import { EVENTS_QUEUE, NORMAL_QUEUE, VIP_QUEUE } from './queue-names';

/**
 * Bull's connections to a Redis Cluster or through Sentinel. Bull 4 takes those only through `createClient`,
 * and does not close the clients it did not make, so they are kept here and closed once the queues have closed.
 */
export class BullRedisClients {
  private readonly clients: RedisClient[] = [];

  constructor(private readonly address: RedisAddress) {}

  /** Bull's `createClient`: one client per queue and role; the blocking and subscriber ones without a ready check, as Bull requires. */
  readonly create = (type: 'client' | 'subscriber' | 'bclient'): RedisClient => {
    const client = connectRedis(this.address, { readyCheck: type === 'client' });
    this.clients.push(client);
    return client;
  };

  async closeAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  }
}

/** Every Bull queue of the backend, closed before their clients. */
const QUEUES = [VIP_QUEUE, NORMAL_QUEUE, EVENTS_QUEUE];

/**
 * Closes the queues (Bull waits for the jobs it runs; a second close is the same promise), then their clients.
 * The queues are looked up, not injected: some are registered by other modules, which shut down after this one.
 */
@Injectable()
export class BullRedisClientsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(BullRedisClients) private readonly clients: BullRedisClients,
    private readonly modules: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const queues = QUEUES.map((name) => this.queue(name)).filter((queue): queue is Queue => queue !== null);
    await Promise.allSettled(queues.map((queue) => queue.close()));
    await this.clients.closeAll();
  }

  private queue(name: string): Queue | null {
    try {
      return this.modules.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return null; // not registered in this process
    }
  }
}
