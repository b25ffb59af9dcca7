import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import Redis from 'ioredis';
import type { ServerDescriptionChangedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { ServiceProbe } from '../../domain/alerts/ports/service-probe.port';
import { RedisClient } from '../redis/redis-client';

/** Server types that take writes; a replica set with no primary cannot run the pipeline. */
const SERVING = new Set(['Standalone', 'RSPrimary', 'Mongos', 'LoadBalancer']);

/**
 * Redis: the shared client must be connected (the evaluator also counts its lease claim, a Redis call at every
 * check, that got no answer within 2 s). The database: the driver's own server monitoring (its heartbeats, every
 * `heartbeatFrequencyMS`, 10 s by default, and any failed operation) says whether a server that takes writes is
 * known. So probing adds no command to either.
 */
@Injectable()
export class ConnectionProbe extends ServiceProbe implements OnModuleInit, OnModuleDestroy {
  private readonly serverTypes = new Map<string, string>();
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
    return this.redis.status === 'ready';
  }

  async databaseReachable(): Promise<boolean> {
    // No news since the connection was made at boot: reachable.
    if (this.serverTypes.size === 0) return true;
    return [...this.serverTypes.values()].some((type) => SERVING.has(type));
  }
}
