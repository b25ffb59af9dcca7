import { Injectable } from '@nestjs/common';
import { FoundOrder, OrderFilters, OrderSortKey, sortKeyFor } from '../../domain/order-search';
import { InvalidOrderCursorError, OrderSearchTimeoutError } from '../../domain/order-search-errors';
import { OrderSearch } from '../../domain/ports/order-search.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { OrderCursor, decodeCursor, encodeCursor } from './order-cursor';
import { checkFilters } from './order-filters';
import { OrderSearchSettings } from './order-search-settings';
import { OrderView, toOrderView } from './order-view';

export interface OrderSearchRequest {
  filters: OrderFilters;
  cursor?: string;
  limit: number;
}

export interface OrderSearchPage {
  items: OrderView[];
  /** Pass it back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  limit: number;
  /** The order of the listing within each run (see OrderSortKey); runs come newest first. */
  sortedBy: OrderSortKey;
}

const RUNS_PER_READ = 100;

/**
 * `GET /pedidos/orders`. Every query names one run (the prefix of every search index, and of the shard
 * key): a search without `runId` walks the runs newest first, one run at a time, until the page is full.
 * A page is read with one more order than it shows, so `nextCursor` is null exactly on the last page,
 * and all its reads together stay within ORDER_SEARCH_TIMEOUT_MS.
 */
@Injectable()
export class FindOrdersService {
  constructor(
    private readonly search: OrderSearch,
    private readonly runs: RunStore,
    private readonly settings: OrderSearchSettings,
  ) {}

  async find({ filters, cursor, limit }: OrderSearchRequest): Promise<OrderSearchPage> {
    checkFilters(filters);
    const sortKey = sortKeyFor(filters);
    const resume = cursor === undefined ? null : decodeCursor(cursor, filters, sortKey);
    const limitMs = this.settings.timeLimitMs;
    const deadline = Date.now() + limitMs;
    const found: FoundOrder[] = [];
    for await (const runId of this.runsFrom(filters.runId, resume)) {
      const after = resume && runId === resume.runId ? resume.position : null;
      const timeLimitMs = deadline - Date.now();
      if (timeLimitMs <= 0) throw new OrderSearchTimeoutError(limitMs);
      found.push(...(await this.search.ordersOfRun({ runId, filters, sortKey, after, limit: limit + 1 - found.length, timeLimitMs })));
      if (found.length > limit) break;
    }
    const items = found.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = found.length > limit && last ? encodeCursor({ runId: last.order.runId, position: last.position }, filters) : null;
    return { items: items.map(({ order }) => toOrderView(order)), nextCursor, limit, sortedBy: sortKey };
  }

  /** The runs to read, from the cursor's run on: only `runId` when it is given, else every run, newest first. */
  private async *runsFrom(runId: string | undefined, resume: OrderCursor | null): AsyncGenerator<string> {
    if (runId) {
      yield runId;
      return;
    }
    let reached = resume === null;
    // A run started meanwhile shifts the pages by one: the set keeps a run from being read twice.
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const { items } = await this.runs.list(page, RUNS_PER_READ);
      for (const { runId: id } of items) {
        reached ||= id === resume?.runId;
        if (reached && !seen.has(id)) {
          seen.add(id);
          yield id;
        }
      }
      if (items.length < RUNS_PER_READ) break;
    }
    if (!reached) throw new InvalidOrderCursorError('its run no longer exists');
  }
}
