import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import Redis from 'ioredis';
import { PipelineSettings } from '../application/pipeline-settings';
import { DeadLetterStore } from '../domain/ports/dead-letter-store.port';
import { OrderStore } from '../domain/ports/order-store.port';
import { RunCounters } from '../domain/ports/run-counters.port';
import { LogBook, RunEvents } from '../domain/ports/run-events.port';
import { LatestRunCopy } from '../domain/ports/latest-run-copy.port';
import { RunStore } from '../domain/ports/run-store.port';
import { DriverLease, RunSlot } from '../domain/ports/run-slot.port';
import { WorkQueue } from '../domain/ports/work-queue.port';
import { Environment } from './config/environment';
import { ProcessRole, pipelineSettingsFrom } from './config/settings';
import { ProcessMetrics } from './metrics/process-metrics';
import { ProcessMetricsIpc } from './metrics/process-metrics-ipc';
import { DeadLetterDocument, DeadLetterSchema } from './mongo/dead-letter.schema';
import { MongoDeadLetterStore } from './mongo/mongo-dead-letter.store';
import { MongoOrderStore } from './mongo/mongo-order.store';
import { MongoRunStore } from './mongo/mongo-run.store';
import { OrderDocument } from './mongo/order.schema';
import { orderSchemaFor } from './mongo/order-search-indexes';
import { MongoServerInfo } from './mongo/mongo-server-info';
import { DatabaseServerInfo } from '../domain/ports/database-server.port';
import { ProcessRunDocument, ProcessRunSchema } from './mongo/process-run.schema';
import { writeConcernFor } from './mongo/write-concern';
import { BullRedisClients, BullRedisClientsCloser } from './queue/bull-redis-clients';
import { BullWorkQueue } from './queue/bull-work-queue';
import { NORMAL_QUEUE, VIP_QUEUE } from './queue/queue-names';
import { parseRedisAddress } from './redis/redis-address';
import { RedisClient, connectRedis } from './redis/redis-client';
import { RedisKeys } from './redis/redis-keys';
import { RedisLatestRun } from './redis/redis-latest-run';
import { RedisMutex } from './redis/redis-mutex';
import { RedisRunCounters } from './redis/redis-run-counters';
import { RedisLogBook, RedisRunEvents } from './redis/redis-run-events';
import { RedisDriverLease, RedisRunSlot } from './redis/redis-run-slot';
import { MirroredLatestRun } from './run-store/mirrored-latest-run';
import { MirroredRunStore } from './run-store/mirrored-run-store';

class RedisConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Runs live in MongoDB; their writes are serialized by a Redis lock and copied to a Redis mirror that status reads use. */
const RUN_STORE_PROVIDERS: Provider[] = [
  MongoRunStore,
  { provide: RedisLatestRun, inject: [Redis, RedisKeys], useFactory: (redis: RedisClient, keys: RedisKeys) => new RedisLatestRun(redis, keys) },
  {
    provide: RunStore,
    inject: [MongoRunStore, Redis, RedisKeys, RedisLatestRun],
    useFactory: (records: MongoRunStore, redis: RedisClient, keys: RedisKeys, mirror: RedisLatestRun) =>
      new MirroredRunStore(records, new RedisMutex(redis), (runId) => keys.runWrites(runId), mirror),
  },
  { provide: LatestRunCopy, inject: [MongoRunStore, RedisLatestRun], useFactory: (records: MongoRunStore, mirror: RedisLatestRun) => new MirroredLatestRun(records, mirror) },
];

/** Binds every port to its MongoDB, Redis or Bull adapter; the only place that does. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(env: Environment, role: ProcessRole): DynamicModule {
    const address = parseRedisAddress(env.REDIS_URL);
    const keys = RedisKeys.for(env.KEY_PREFIX, address);
    // On a cluster or through Sentinel Bull needs clients of our making (createClient); on a cluster, a hash-tagged prefix too (RedisKeys).
    const bullClients = address.kind === 'server' ? null : new BullRedisClients(address);
    return {
      module: InfrastructureModule,
      imports: [
        MongooseModule.forRoot(env.MONGO_URI, { autoIndex: true, serverSelectionTimeoutMS: 10_000, monitorCommands: env.MONGO_MONITOR_COMMANDS, ...writeConcernFor(env.MONGO_URI) }),
        MongooseModule.forFeature([
          { name: OrderDocument.name, schema: orderSchemaFor(env) },
          { name: ProcessRunDocument.name, schema: ProcessRunSchema },
          { name: DeadLetterDocument.name, schema: DeadLetterSchema },
        ]),
        BullModule.forRoot({
          ...(bullClients ? { createClient: bullClients.create } : { url: env.REDIS_URL }),
          prefix: keys.bullPrefix,
          defaultJobOptions: {
            attempts: env.MAX_ATTEMPTS,
            backoff: { type: 'exponential', delay: env.RETRY_BACKOFF_MS },
            // The order lanes keep their last finished jobs (BullWorkQueue); other queues' jobs go when done.
            removeOnComplete: true,
            removeOnFail: false,
          },
          // A killed worker's jobs are back in the queue within 30 s (lock lapsed, then the next stalled check).
          // Each check is a script of ~8 Redis commands per lane, so checking more often costs more than a run's jobs.
          settings: { lockDuration: 20_000, stalledInterval: 10_000, maxStalledCount: 3 },
        }),
        BullModule.registerQueue({ name: VIP_QUEUE }, { name: NORMAL_QUEUE }),
      ],
      providers: [
        { provide: Environment, useValue: env },
        { provide: RedisKeys, useValue: keys },
        { provide: PipelineSettings, useValue: pipelineSettingsFrom(env, role) },
        { provide: Redis, useFactory: () => connectRedis(address) },
        RedisConnectionCloser,
        ...(bullClients ? [{ provide: BullRedisClients, useValue: bullClients }, BullRedisClientsCloser] : []),
        { provide: OrderStore, useClass: MongoOrderStore },
        ...RUN_STORE_PROVIDERS,
        { provide: DeadLetterStore, useClass: MongoDeadLetterStore },
        { provide: WorkQueue, useClass: BullWorkQueue },
        { provide: RunCounters, useClass: RedisRunCounters },
        { provide: RunSlot, useClass: RedisRunSlot },
        { provide: DriverLease, useClass: RedisDriverLease },
        { provide: RunEvents, useClass: RedisRunEvents },
        { provide: LogBook, useClass: RedisLogBook },
        { provide: DatabaseServerInfo, useClass: MongoServerInfo },
        ProcessMetrics,
        ProcessMetricsIpc,
      ],
      exports: [Environment, RedisKeys, PipelineSettings, Redis, OrderStore, RunStore, LatestRunCopy, DeadLetterStore, WorkQueue, RunCounters, RunSlot, DriverLease, RunEvents, LogBook, DatabaseServerInfo, ProcessMetrics, MongooseModule],
    };
  }
}
