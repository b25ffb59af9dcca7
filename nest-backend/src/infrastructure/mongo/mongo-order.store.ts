import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection, Filter } from 'mongodb';
import { Model } from 'mongoose';
import { OBSERVATION_AFTER_PROCESSING, Order, Priority } from '../../domain/order';
import { OrderSlice } from '../../domain/order-slices';
import { OrderStore, OrderTally, tallyOf } from '../../domain/ports/order-store.port';
import { RetryScope } from '../../domain/retry-scope';
import { OrderDocument } from './order.schema';
import { failedOrdersIn } from './retry-scope-filters';

/** Orders through the driver's bulk commands: Mongoose hydration would dominate these paths. */
@Injectable()
export class MongoOrderStore extends OrderStore {
  private readonly orders: Collection<Order>;

  constructor(@InjectModel(OrderDocument.name) private readonly model: Model<OrderDocument>) {
    super();
    this.orders = model.collection as unknown as Collection<Order>;
  }

  async insertMany(orders: Order[]): Promise<void> {
    if (orders.length > 0) await this.orders.insertMany(orders, { ordered: false });
  }

  async deleteUnrecorded(runId: string, vipGenerated: number, normalGenerated: number): Promise<number> {
    const result = await this.orders.deleteMany({
      runId,
      $or: [
        { priority: 'VIP', seq: { $gte: vipGenerated } },
        { priority: 'NORMAL', seq: { $gte: normalGenerated } },
      ],
    });
    return result.deletedCount;
  }

  async markProcessed(slice: OrderSlice, processedAt: Date): Promise<number> {
    const result = await this.orders.updateMany(pendingIn(slice), {
      $set: { status: 'processado', processedAt, observacoes: OBSERVATION_AFTER_PROCESSING[slice.priority] },
      $inc: { attempts: 1 },
    });
    return result.modifiedCount;
  }

  async markFailed(slice: OrderSlice, reason: string, failedAt: Date): Promise<number> {
    const result = await this.orders.updateMany(pendingIn(slice), {
      $set: { status: 'falhou', processedAt: failedAt, failureReason: reason },
    });
    return result.modifiedCount;
  }

  async pendingIn(slice: OrderSlice): Promise<{ id: string; seq: number }[]> {
    return this.orders.find(pendingIn(slice), { projection: { _id: 0, id: 1, seq: 1 } }).sort({ seq: 1 }).toArray();
  }

  async resetFailed(runId: string, scope: RetryScope): Promise<number> {
    const result = await this.orders.updateMany(failedOrdersIn(runId, scope), { $set: { status: 'pendente', processedAt: null }, $unset: { failureReason: '' } });
    return result.modifiedCount;
  }

  countFailed(runId: string, scope: RetryScope): Promise<number> {
    return this.orders.countDocuments(failedOrdersIn(runId, scope));
  }

  async tally(runId: string): Promise<OrderTally> {
    const groups = await this.orders
      .aggregate<{ _id: { priority: Priority; status: string }; count: number }>([
        { $match: { runId } },
        { $group: { _id: { priority: '$priority', status: '$status' }, count: { $sum: 1 } } },
      ])
      .toArray();
    return tallyOf((priority, status) =>
      groups.filter((g) => (priority === null || g._id.priority === priority) && g._id.status === status).reduce((sum, g) => sum + g.count, 0),
    );
  }

  countPending(runId: string, priority: Priority): Promise<number> {
    return this.orders.countDocuments({ runId, priority, status: 'pendente' });
  }

  async pendingJobs(runId: string, priority: Priority, limit: number): Promise<number[]> {
    const found = await this.orders
      .find({ runId, priority, status: 'pendente' }, { projection: { _id: 0, job: 1 } })
      .sort({ job: 1 })
      .limit(limit)
      .toArray();
    return [...new Set(found.map((order) => order.job))];
  }

  async deletePending(runId: string): Promise<number> {
    return (await this.orders.deleteMany({ runId, status: 'pendente' })).deletedCount;
  }

  /**
   * Drops the collection and makes its indexes again: FerretDB deletes documents one by one (a `deleteMany({})`
   * of 20,000 orders took 8.7 s on a busy machine here, dropping a 40,000-order collection 41 ms), and MongoDB
   * frees a dropped collection at once too.
   * Only called with no run active, so nothing writes orders meanwhile.
   */
  async deleteAll(): Promise<number> {
    const count = await this.orders.countDocuments({});
    if (count === 0) return 0;
    await this.orders.drop();
    await this.model.createIndexes();
    return count;
  }
}

/**
 * The still-pending orders of a slice, by equality alone: FerretDB 1.24 hands only equality conditions to
 * PostgreSQL (a range would be filtered after reading every order of the lane), and on MongoDB it is one
 * index lookup. A slice is a whole job, or one order of it (`singleOrderSlice`).
 */
function pendingIn(slice: OrderSlice): Filter<Order> {
  const filter: Filter<Order> = { runId: slice.runId, priority: slice.priority, status: 'pendente', job: slice.job };
  return slice.to - slice.from === 1 ? { ...filter, seq: slice.from } : filter;
}
