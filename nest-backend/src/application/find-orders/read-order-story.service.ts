import { Injectable } from '@nestjs/common';
import { OrderNotFoundError } from '../../domain/order-search-errors';
import { OrderSearch } from '../../domain/ports/order-search.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { OrderStory, orderStory } from './order-story';

/** `GET /pedidos/orders/:id`: the order by its id, then its run, its place in its lane and its dead letter, read together. */
@Injectable()
export class ReadOrderStoryService {
  constructor(
    private readonly search: OrderSearch,
    private readonly runs: RunStore,
  ) {}

  async story(id: string): Promise<OrderStory> {
    const order = await this.search.findById(id);
    if (!order) throw new OrderNotFoundError(id);
    const [run, place, deadLetter] = await Promise.all([
      this.runs.findById(order.runId),
      order.status === 'processado' && order.processedAt ? this.search.lanePlace(order) : null,
      this.search.deadLetterOf(order),
    ]);
    return orderStory(order, run, place, deadLetter);
  }
}
