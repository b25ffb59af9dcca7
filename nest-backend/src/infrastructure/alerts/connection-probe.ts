import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import Redis from 'ioredis';
import type { ServerDescriptionChangedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { ServiceProbe } from '../../domain/alerts/ports/service-probe.port';
import { OneAtATime, within } from '../../application/alerts/within';
import { RedisClient } from '../redis/redis-client';

const PING_TIMEOUT_MS = 2_000;
/** Server types that take writes; a replica set with no primary cannot run the pipeline. */
const SERVING = new Set(['Standalone', 'RSPrimary', 'Mongos', 'LoadBalancer']);

/**
 * Redis: the shared client must be connected and answer a PING within 2 s. The database: the driver's own
 * server monitoring (its heartbeats, every `heartbeatFrequencyMS`, 10 s by default, and any failed operation)
 * says whether a server that takes writes is known, so probing adds no database command.
 */
@Injectable()
export class ConnectionProbe extends ServiceProbe implements OnModuleInit, OnModuleDestroy {
  private readonly serverTypes = new Map<string, string>();
  private readonly pings = new OneAtATime<string>();
  private readonly onServerChange = (event: ServerDescriptionChangedEvent) => this.serverTypes.set(event.address, event.newDescription.type);

  constructor(
    @Inject(Redis) private readonly redis: RedisClient,
    @InjectConnection() private readonly connection: Connection,
  ) {
    super();
  }

  onModuleInit(): void {
    this.connection.getClient().on('serverDescriptionChanged', this.onServerChange);
  }

  onModuleDestroy(): void {
    this.connection.getClient().off('serverDescriptionChanged', this.onServerChange);
  }

  async queueReachable(): Promise<boolean> {
    // Offline, commands would wait in the client's queue for the reconnection: do not add to it.
    if (this.redis.status !== 'ready') return false;
    try {
      return (await within(this.pings.run(() => this.redis.ping()), PING_TIMEOUT_MS, 'Redis PING')) === 'PONG';
    } catch {
      return false;
    }
  }

  async databaseReachable(): Promise<boolean> {
    // No news since the connection was made at boot: reachable.
    if (this.serverTypes.size === 0) return true;
    return [...this.serverTypes.values()].some((type) => SERVING.has(type));
  }
}
