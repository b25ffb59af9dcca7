import type { Collection, IndexDescription } from 'mongodb';
import { performance } from 'node:perf_hooks';
import { makeOrders } from '../src/application/generate-orders/order-factory';
import { OBSERVATION_AFTER_PROCESSING, Order, Priority } from '../src/domain/order';
import { OrderSchema } from '../src/infrastructure/mongo/order.schema';
import type { BenchContext } from './pipeline-run';
import { ProgressLine, formatInt } from './progress';
import { connectMongo, withDatabase } from './services';
import { per1000, ratePerSecond } from './stats';

export interface FloorConfig {
  orders: number;
  insertBatch: number;
  /** Orders per updateMany, and the job size the orders' job keys are made with (as the pipeline's ORDERS_PER_JOB). */
  updateBatch: number;
  /** updateMany commands in flight per lane: the writers a careful operator would run at once. */
  parallel: number;
}

/** Inserts in flight, as generation keeps them. */
const INSERTS_IN_FLIGHT = 2;

export interface FloorResult extends FloorConfig {
  floorMs: number;
  insertMs: number;
  updateVipMs: number;
  updateNormalMs: number;
  insertRate: number;
  updateRate: number;
  mongoCommands: number;
  mongoCommandsPer1000: number;
}

const RUN_ID = 'floor';

/**
 * The database work of a run and nothing else, with the driver alone: insert N orders in bulk, then
 * mark them processed VIP first with the workers' updateMany (equality on run, priority, status and job
 * key), `parallel` at once, on the same indexes.
 */
export async function runFloor(ctx: BenchContext, config: FloorConfig): Promise<FloorResult> {
  const database = `pedidos_bench_${Date.now()}_floor`;
  ctx.liveDatabases.add(database);
  const client = await connectMongo(withDatabase(ctx.mongoUri, database), { monitorCommands: true });
  let commands = 0;
  client.on('commandStarted', () => commands++);
  const progress = new ProgressLine('floor');
  try {
    const orders = client.db(database).collection<Order>('orders');
    await orders.createIndexes(schemaIndexes());
    const commandsBefore = commands;

    const started = performance.now();
    const cursor = { vip: 0, normal: 0 };
    const inFlight = new Set<Promise<unknown>>();
    for (let made = 0; made < config.orders; ) {
      const size = Math.min(config.insertBatch, config.orders - made);
      // Making the next batch overlaps the insert in flight, as generation does in the pipeline.
      const insert = orders.insertMany(makeOrders({ runId: RUN_ID, ordersPerJob: config.updateBatch, cursor }, size, new Date()), { ordered: false });
      made += size;
      inFlight.add(insert);
      void insert.finally(() => inFlight.delete(insert)).catch(() => undefined);
      if (inFlight.size >= INSERTS_IN_FLIGHT) await Promise.race(inFlight);
      progress.update(made / (2 * config.orders), `inserted ${formatInt(made)}`);
    }
    await Promise.all(inFlight);
    const inserted = performance.now();
    await markProcessed(orders, 'VIP', cursor.vip, config);
    progress.update((config.orders + cursor.vip) / (2 * config.orders), 'VIP marked processed');
    const vipDone = performance.now();
    await markProcessed(orders, 'NORMAL', cursor.normal, config);
    const finished = performance.now();
    progress.done(`done in ${((finished - started) / 1000).toFixed(1)} s`);

    const processed = await orders.countDocuments({ runId: RUN_ID, status: 'processado' });
    if (processed !== config.orders) throw new Error(`floor: ${processed} of ${config.orders} orders marked processed`);
    const used = commands - commandsBefore - 1; // the count above
    return {
      ...config,
      floorMs: Math.round(finished - started),
      insertMs: Math.round(inserted - started),
      updateVipMs: Math.round(vipDone - inserted),
      updateNormalMs: Math.round(finished - vipDone),
      insertRate: ratePerSecond(config.orders, inserted - started),
      updateRate: ratePerSecond(config.orders, finished - inserted),
      mongoCommands: used,
      mongoCommandsPer1000: per1000(used, config.orders),
    };
  } finally {
    await client.db(database).dropDatabase().catch(() => undefined);
    ctx.liveDatabases.delete(database);
    await client.close();
  }
}

async function markProcessed(orders: Collection<Order>, priority: Priority, count: number, config: FloorConfig): Promise<void> {
  const jobs = Math.ceil(count / config.updateBatch);
  const processedAt = new Date();
  let next = 0;
  const writer = async () => {
    while (next < jobs) {
      const job = next++;
      await orders.updateMany(
        { runId: RUN_ID, priority, status: 'pendente', job },
        { $set: { status: 'processado', processedAt, observacoes: OBSERVATION_AFTER_PROCESSING[priority] }, $inc: { attempts: 1 } },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.parallel, jobs) }, writer));
}

/** The indexes Mongoose creates for `orders` (field-level and compound), from the schema itself. */
function schemaIndexes(): IndexDescription[] {
  return OrderSchema.indexes().map(([key, options]) => ({ key, ...(options as object) }) as IndexDescription);
}
