import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import { Model } from 'mongoose';
import { DeadLetter } from '../../domain/dead-letter';
import { Order } from '../../domain/order';
import { FoundOrder, LanePlace } from '../../domain/order-search';
import { OrderSearch, RunOrdersQuery } from '../../domain/ports/order-search.port';
import { DeadLetterDocument } from './dead-letter.schema';
import { OrderDocument } from './order.schema';
import { StoredOrder, byIdFilter, lanePlaceFilters, positionOf, runOrdersFinds } from './order-search-queries';

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
    const found: FoundOrder[] = [];
    for (const { filter, sort, limit } of runOrdersFinds(query)) {
      const documents = await this.orders.find(filter).sort(sort).limit(limit - found.length).toArray();
      found.push(...documents.map((document) => ({ order: withoutId(document), position: positionOf(document, query.sortKey) })));
      if (found.length >= query.limit) break;
    }
    return found;
  }

  async findById(id: string): Promise<Order | null> {
    return this.orders.findOne(byIdFilter(id).filter, { projection: { _id: 0 } });
  }

  async lanePlace(order: Order): Promise<LanePlace> {
    const { before, together } = lanePlaceFilters(order);
    const [countBefore, countTogether] = await Promise.all([this.orders.countDocuments(before), this.orders.countDocuments(together)]);
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
