import { Injectable } from '@nestjs/common';
import { Order } from '../../domain/order';
import { LanePlace } from '../../domain/order-search';
import { OrderNotFoundError, OrderSearchTimeoutError } from '../../domain/order-search-errors';
import { OrderSearch } from '../../domain/ports/order-search.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { OrderSearchSettings } from './order-search-settings';
import { OrderStory, orderStory } from './order-story';

/**
 * `GET /pedidos/orders/:id`: the order by its id, then its run, its place in its lane and its dead letter, read
 * together. The place is a count over the lane: where the server cannot count it in time (FerretDB scans) the
 * story is told without it rather than not at all.
 */
@Injectable()
export class ReadOrderStoryService {
  constructor(
    private readonly search: OrderSearch,
    private readonly runs: RunStore,
    private readonly settings: OrderSearchSettings,
  ) {}

  async story(id: string): Promise<OrderStory> {
    const deadline = Date.now() + this.settings.timeLimitMs;
    const order = await this.search.findById(id, this.settings.timeLimitMs);
    if (!order) throw new OrderNotFoundError(id);
    const [run, place, deadLetter] = await Promise.all([this.runs.findById(order.runId), this.placeOf(order, deadline), this.search.deadLetterOf(order)]);
    return orderStory(order, run, place, deadLetter);
  }

  private async placeOf(order: Order, deadline: number): Promise<LanePlace | 'timed out' | null> {
    if (order.status !== 'processado' || !order.processedAt) return null;
    try {
      return await this.search.lanePlace(order, Math.max(1, deadline - Date.now()));
    } catch (error) {
      if (error instanceof OrderSearchTimeoutError) return 'timed out';
      throw error;
    }
  }
}
