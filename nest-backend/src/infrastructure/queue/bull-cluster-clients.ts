import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import { RedisAddress } from '../redis/redis-address';
import { RedisClient, connectRedis } from '../redis/redis-client';
import { NORMAL_QUEUE, VIP_QUEUE } from './queue-names';

/**
 * Bull's connections to a Redis Cluster. Bull 4 speaks to a cluster only through `createClient`, and does not
 * close the clients it did not make, so they are kept here and closed once the queues have closed.
 */
export class BullClusterClients {
  private readonly clients: RedisClient[] = [];

  constructor(private readonly address: RedisAddress) {}

  /** Bull's `createClient`: one cluster client per queue and role (command, blocking, subscriber). */
  readonly create = (): RedisClient => {
    const client = connectRedis(this.address);
    this.clients.push(client);
    return client;
  };

  async closeAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => client.disconnect())));
  }
}

/** Closes the queues (Bull waits for the jobs it runs; a second close is the same promise), then their cluster clients. */
@Injectable()
export class BullClusterClientsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(BullClusterClients) private readonly clients: BullClusterClients,
    @InjectQueue(VIP_QUEUE) private readonly vip: Queue,
    @InjectQueue(NORMAL_QUEUE) private readonly normal: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.vip.close(), this.normal.close()]);
    await this.clients.closeAll();
  }
}
