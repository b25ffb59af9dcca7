import { Order } from '../../domain/order';
import { FoundOrder } from '../../domain/order-search';
import { OrderSearch, RunOrdersQuery } from '../../domain/ports/order-search.port';
import { RunStore } from '../../domain/ports/run-store.port';
import { ProcessRun } from '../../domain/run';
import { FindOrdersService } from './find-orders.service';
import { OrderSearchSettings } from './order-search-settings';

const runIds = ['aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001'];

/** Orders kept in arrays per run and listed like the lane listing: by tiebreak alone (every key null here). */
class ArrayOrderSearch implements Pick<OrderSearch, 'ordersOfRun'> {
  readonly reads: RunOrdersQuery[] = [];
  constructor(private readonly byRun: Map<string, Order[]>) {}

  async ordersOfRun(query: RunOrdersQuery): Promise<FoundOrder[]> {
    this.reads.push(query);
    const tiebreak = (order: Order) => order.id;
    return (this.byRun.get(query.runId) ?? [])
      .filter((order) => !query.filters.tier || order.tier === query.filters.tier)
      .filter((order) => !query.after || tiebreak(order) > query.after.tiebreak)
      .slice(0, query.limit)
      .map((order) => ({ order, position: { key: null, tiebreak: tiebreak(order) } }));
  }
}

function order(runId: string, index: number): Order {
  return {
    id: `${runId.slice(-1)}-${String(index).padStart(4, '0')}`,
    runId,
    cliente: 'Ana Silva',
    valor: 10,
    tier: index % 2 === 0 ? 'OURO' : 'PRATA',
    priority: 'NORMAL',
    observacoes: '',
    status: 'pendente',
    createdAt: new Date(0),
    processedAt: null,
    seq: index,
    job: 0,
    attempts: 0,
  };
}

function service(sizes: number[]) {
  const byRun = new Map(runIds.map((runId, i) => [runId, Array.from({ length: sizes[i] }, (_, index) => order(runId, index))]));
  const search = new ArrayOrderSearch(byRun);
  const runs = { list: async (page: number, limit: number) => ({ items: runIds.slice((page - 1) * limit, page * limit).map((runId) => ({ runId }) as ProcessRun), total: runIds.length }) };
  return { finder: new FindOrdersService(search as unknown as OrderSearch, runs as unknown as RunStore, new OrderSearchSettings(5_000)), search, byRun };
}

async function everyPage(finder: FindOrdersService, filters: object, limit: number) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await finder.find({ filters, cursor, limit });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe('FindOrdersService', () => {
  it('walks every run, newest first, across pages without a gap or a repeat, and says which page is the last', async () => {
    const { finder, byRun } = service([5, 0, 7]);
    const pages = await everyPage(finder, {}, 3);
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toEqual([...byRun.get(runIds[0])!, ...byRun.get(runIds[2])!].map((o) => o.id));
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 3, 3]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages.slice(0, -1).every((page) => page.nextCursor !== null)).toBe(true);
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    const { finder } = service([3, 3, 0]);
    const pages = await everyPage(finder, {}, 3);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3]);
  });

  it('reads only the run asked for, and asks each run for what the page still needs (plus one)', async () => {
    const { finder, search } = service([5, 4, 7]);
    const page = await finder.find({ filters: { runId: runIds[1], tier: 'OURO' }, limit: 10 });
    expect(page.items.map((item) => item.runId)).toEqual([runIds[1], runIds[1]]);
    expect(search.reads.map((read) => [read.runId, read.limit])).toEqual([[runIds[1], 11]]);
    expect(search.reads[0].timeLimitMs).toBeGreaterThan(4_000);
    expect(search.reads[0].timeLimitMs).toBeLessThanOrEqual(5_000);
    expect(page.nextCursor).toBeNull();
  });

  it('gives up once the runs it walked used the time limit, instead of reading the next run', async () => {
    const slow = { ordersOfRun: () => new Promise<FoundOrder[]>((resolve) => setTimeout(() => resolve([]), 30)) };
    const runs = { list: async () => ({ items: runIds.map((runId) => ({ runId }) as ProcessRun), total: runIds.length }) };
    const finder = new FindOrdersService(slow as unknown as OrderSearch, runs as unknown as RunStore, new OrderSearchSettings(50));
    await expect(finder.find({ filters: {}, limit: 5 })).rejects.toThrow(/took longer than 50 ms \(ORDER_SEARCH_TIMEOUT_MS\)/);
  });

  it('refuses a cursor with other filters, and one whose run is gone', async () => {
    const { finder } = service([5, 0, 0]);
    const first = await finder.find({ filters: {}, limit: 2 });
    await expect(finder.find({ filters: { tier: 'OURO' }, cursor: first.nextCursor!, limit: 2 })).rejects.toThrow(/other filters/);
    const { search } = service([0, 0, 0]);
    const noRuns = { list: async () => ({ items: [], total: 0 }) };
    const emptied = new FindOrdersService(search as unknown as OrderSearch, noRuns as unknown as RunStore, new OrderSearchSettings(5_000));
    await expect(emptied.find({ filters: {}, cursor: first.nextCursor!, limit: 2 })).rejects.toThrow(/its run no longer exists/);
  });
});
