import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import { Model } from 'mongoose';
import { DeadLetter } from '../../domain/dead-letter';
import { Order } from '../../domain/order';
import { FoundOrder, LanePlace } from '../../domain/order-search';
import { OrderSearchTimeoutError } from '../../domain/order-search-errors';
import { OrderSearch, RunOrdersQuery } from '../../domain/ports/order-search.port';
import { DeadLetterDocument } from './dead-letter.schema';
import { OrderDocument } from './order.schema';
import { StoredOrder, byIdFilter, lanePlaceFilters, positionOf, runOrdersFinds } from './order-search-queries';

/** The server's code for an operation stopped by its `maxTimeMS` (MongoDB and FerretDB alike). */
const MAX_TIME_MS_EXPIRED = 50;

/** Operators' reads of `orders` (and an order's dead letter), through the driver like MongoOrderStore. */
@Injectable()
export class MongoOrderSearch extends OrderSearch {
  private readonly orders: Collection<StoredOrder>;
  private readonly deadLetters: Collection<DeadLetter>;

  constructor(@InjectModel(OrderDocument.name) orders: Model<OrderDocument>, @InjectModel(DeadLetterDocument.name) deadLetters: Model<DeadLetterDocument>) {
    super();
    this.orders = orders.collection as unknown as Collection<StoredOrder>;
    this.deadLetters = deadLetters.collection as unknown as Collection<DeadLetter>;
  }

  async ordersOfRun(query: RunOrdersQuery): Promise<FoundOrder[]> {
    const deadline = Date.now() + query.timeLimitMs;
    const found: FoundOrder[] = [];
    for (const { filter, sort, limit } of runOrdersFinds(query)) {
      const documents = await withinLimit(query.timeLimitMs, () =>
        this.orders.find(filter).sort(sort).limit(limit - found.length).maxTimeMS(remaining(deadline, query.timeLimitMs)).toArray(),
      );
      found.push(...documents.map((document) => ({ order: withoutId(document), position: positionOf(document, query.sortKey) })));
      if (found.length >= query.limit) break;
    }
    return found;
  }

  findById(id: string, timeLimitMs: number): Promise<Order | null> {
    return withinLimit(timeLimitMs, () => this.orders.findOne(byIdFilter(id).filter, { projection: { _id: 0 }, maxTimeMS: timeLimitMs }));
  }

  async lanePlace(order: Order, timeLimitMs: number): Promise<LanePlace> {
    const { before, together } = lanePlaceFilters(order);
    const [countBefore, countTogether] = await withinLimit(timeLimitMs, () =>
      Promise.all([this.orders.countDocuments(before, { maxTimeMS: timeLimitMs }), this.orders.countDocuments(together, { maxTimeMS: timeLimitMs })]),
    );
    return { before: countBefore, together: countTogether };
  }

  async deadLetterOf(order: Order): Promise<DeadLetter | null> {
    const [latest] = await this.deadLetters
      .find({ runId: order.runId, orderId: order.id }, { projection: { _id: 0 } })
      .sort({ failedAt: -1 })
      .limit(1)
      .toArray();
    return latest ?? null;
  }
}

function withoutId({ _id, ...order }: StoredOrder): Order {
  return order;
}

function remaining(deadline: number, limitMs: number): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new OrderSearchTimeoutError(limitMs);
  return left;
}

/**
 * The server's own time limit, told as the domain's error. Read by its code, not by `instanceof`: the collection
 * is Mongoose's, whose driver copy has error classes of its own.
 */
async function withinLimit<T>(limitMs: number, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if ((error as { code?: unknown }).code === MAX_TIME_MS_EXPIRED) throw new OrderSearchTimeoutError(limitMs);
    throw error;
  }
}
