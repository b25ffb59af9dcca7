import { Document, ObjectId } from 'mongodb';
import { OrderFilters, OrderSortKey } from '../src/domain/order-search';
import { lanePlaceFilters, byIdFilter, runOrdersFinds, SearchFind } from '../src/infrastructure/mongo/order-search-queries';
import { ORDER_SEARCH_INDEXES } from '../src/infrastructure/mongo/order-search-indexes';
import { OrderSearch } from '../src/domain/ports/order-search.port';
import { useInProcessApi, waitForPhase } from './support/in-process-suite';

const OLDER_RUN = 900;
const NEWER_RUN = 500;
const POISON_EVERY = 300;

type Stored = Document & { _id: ObjectId; id: string; runId: string; processedAt: Date | null; createdAt: Date; cliente: string };

/** `GET /pedidos/orders` and `GET /pedidos/orders/:id` on two finished runs, compared with the database itself. */
describe('finding orders', () => {
  const suite = useInProcessApi('ordersearch', {
    FAIL_EVERY_SEQ_MULTIPLE_OF: String(POISON_EVERY),
    MAX_ATTEMPTS: '2',
    RETRY_BACKOFF_MS: '50',
    ORDERS_PER_JOB: '100',
    GENERATION_CHUNK_SIZE: '250',
  });
  let older: string;
  let newer: string;
  let stored: Stored[];

  beforeAll(async () => {
    for (const quantity of [OLDER_RUN, NEWER_RUN]) {
      const started = await suite.http.post(`/pedidos/generate?quantity=${quantity}`);
      expect(started.status).toBe(202);
      expect((await waitForPhase(suite.http, ['DONE', 'ERROR', 'ABORTED'])).phase).toBe('DONE');
      if (quantity === OLDER_RUN) older = started.body.runId;
      else newer = started.body.runId;
    }
    stored = (await suite.db.collection('orders').find({}).toArray()) as Stored[];
    expect(stored).toHaveLength(OLDER_RUN + NEWER_RUN);
  });

  /** The same listing computed from the documents: runs newest first, then the sort key (null first), then `_id`. */
  function expected(matches: (order: Stored) => boolean, sortKey: OrderSortKey): string[] {
    const key = (order: Stored): string => {
      const value = sortKey === 'cliente' ? order.cliente : sortKey === 'createdAt' ? order.createdAt : order.processedAt;
      if (value === null) return '';
      return value instanceof Date ? `~${String(value.getTime()).padStart(15, '0')}` : `~${value}`;
    };
    const compare = (a: Stored, b: Stored) =>
      Number(a.runId === older) - Number(b.runId === older) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) || a._id.toHexString().localeCompare(b._id.toHexString());
    return stored.filter(matches).sort(compare).map((order) => order.id);
  }

  async function everyPage(query: string, limit: number) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await suite.http.get(`/pedidos/orders?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(limit);
      if (body.nextCursor) expect(body.items).toHaveLength(limit);
      ids.push(...body.items.map((item: { id: string }) => item.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    return { ids, pages };
  }

  it('pages through every order of every run, newest run first, without a gap or a repeat', async () => {
    const { ids, pages } = await everyPage('', 97);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected(() => true, 'lane'));
    expect(pages).toBe(Math.ceil((OLDER_RUN + NEWER_RUN) / 97));
  });

  const at = (order: Stored, field: 'createdAt' | 'processedAt') => (order[field] as Date).getTime();

  it('serves each filter alone and in combination, each across pages', async () => {
    const newerCreated = Math.min(...stored.filter((o) => o.runId === newer).map((o) => at(o, 'createdAt')));
    const olderCreated = Math.min(...stored.filter((o) => o.runId === older).map((o) => at(o, 'createdAt')));
    const processed = stored.filter((o) => o.runId === older && o.processedAt).map((o) => at(o, 'processedAt')).sort((a, b) => a - b);
    const [from, to] = [processed[Math.floor(processed.length / 4)], processed[Math.floor((processed.length * 3) / 4)]];
    const iso = (ms: number) => new Date(ms).toISOString();
    const cases: [string, (o: Stored) => boolean, OrderSortKey][] = [
      [`runId=${older}`, (o) => o.runId === older, 'lane'],
      ['tier=OURO', (o) => o.tier === 'OURO', 'lane'],
      ['tier=DIAMANTE&status=processado', (o) => o.tier === 'DIAMANTE' && o.status === 'processado', 'lane'],
      ['priority=VIP', (o) => o.priority === 'VIP', 'lane'],
      ['status=falhou', (o) => o.status === 'falhou', 'lane'],
      ['cliente=Jo', (o) => o.cliente.startsWith('Jo'), 'cliente'],
      [`cliente=Ana%20S&runId=${newer}&priority=NORMAL`, (o) => o.cliente.startsWith('Ana S') && o.runId === newer && o.priority === 'NORMAL', 'cliente'],
      [`createdFrom=${iso(olderCreated)}&createdTo=${iso(newerCreated)}`, (o) => at(o, 'createdAt') >= olderCreated && at(o, 'createdAt') < newerCreated, 'createdAt'],
      [`processedFrom=${iso(from)}&processedTo=${iso(to)}`, (o) => o.processedAt !== null && at(o, 'processedAt') >= from && at(o, 'processedAt') < to, 'lane'],
      [`processedFrom=${iso(from)}&tier=PRATA&status=processado`, (o) => o.processedAt !== null && at(o, 'processedAt') >= from && o.tier === 'PRATA' && o.status === 'processado', 'lane'],
    ];
    for (const [query, matches, sortKey] of cases) {
      const want = expected(matches, sortKey);
      expect(want.length).toBeGreaterThan(0);
      const { ids } = await everyPage(query, 37);
      expect({ query, ids }).toEqual({ query, ids: want });
      const first = (await suite.http.get(`/pedidos/orders?${query}&limit=1`)).body;
      expect(first.sortedBy).toBe(sortKey);
    }
  });

  it("tells an order's story: run, job, its place in the lane, attempts", async () => {
    const vip = stored.filter((o) => o.runId === older && o.priority === 'VIP' && o.status === 'processado');
    const order = vip[Math.floor(vip.length / 2)];
    const { status, body } = await suite.http.get(`/pedidos/orders/${order.id}`);
    expect(status).toBe(200);
    const processedAt = at(order, 'processedAt');
    const before = vip.filter((o) => at(o, 'processedAt') < processedAt).length;
    const together = vip.filter((o) => at(o, 'processedAt') === processedAt).length;
    const vipGenerated = stored.filter((o) => o.runId === older && o.priority === 'VIP').length;
    const from = order.job * 100;
    expect(body).toEqual({
      order: expect.objectContaining({ id: order.id, runId: older, tier: 'DIAMANTE', priority: 'VIP', status: 'processado', attempts: 1, createdAt: order.createdAt.toISOString(), processedAt: order.processedAt!.toISOString() }),
      run: expect.objectContaining({ runId: older, phase: 'DONE', ordersPerJob: 100 }),
      job: { key: order.job, id: `${older}:VIP:${from}-${Math.min(from + 100, vipGenerated)}`, from, to: Math.min(from + 100, vipGenerated) },
      lane: { priority: 'VIP', size: vipGenerated, processedBefore: before, processedTogether: together, countTimedOut: false },
      deadLetter: null,
    });
    expect(together).toBeGreaterThan(0);
  });

  it('tells a failed order by its dead letter', async () => {
    const failed = stored.find((o) => o.runId === newer && o.status === 'falhou')!;
    const { body } = await suite.http.get(`/pedidos/orders/${failed.id}`);
    expect(body.order).toMatchObject({ status: 'falhou', failureReason: expect.stringMatching(/injected failure/) });
    expect(body.deadLetter).toEqual({ reason: expect.stringMatching(/injected failure/), attempts: 2, failedAt: failed.processedAt!.toISOString(), retriedAt: null });
    expect(body.lane.processedBefore).toBeNull();
  });

  it('answers 404 for an unknown order and 400 for bad filters and cursors, in the common error shape', async () => {
    const unknown = await suite.http.get('/pedidos/orders/00000000-0000-4000-8000-000000000000');
    expect(unknown).toMatchObject({ status: 404, body: { statusCode: 404, code: 'ORDER_NOT_FOUND', message: 'order 00000000-0000-4000-8000-000000000000 does not exist', path: '/pedidos/orders/00000000-0000-4000-8000-000000000000' } });
    expect(await suite.http.get('/pedidos/orders/not-an-id')).toMatchObject({ status: 400, body: { message: 'the order id must be a UUID' } });
    const cursor = (await suite.http.get('/pedidos/orders?limit=2&tier=OURO')).body.nextCursor;
    const bad: [string, string, RegExp][] = [
      ['tier=GOLD', 'VALIDATION_FAILED', /tier must be one of/],
      ['createdFrom=yesterday', 'VALIDATION_FAILED', /createdFrom must be an ISO 8601 date-time/],
      ['limit=500', 'VALIDATION_FAILED', /limit must be at most 200/],
      ['skip=100', 'VALIDATION_FAILED', /property skip should not exist/],
      ['tier=OURO&priority=VIP', 'INVALID_ORDER_FILTER', /tier OURO is always priority NORMAL/],
      ['processedFrom=2026-12-02T10:00:00Z&processedTo=2026-12-02T09:00:00Z', 'INVALID_ORDER_FILTER', /processedFrom must be before processedTo/],
      ['cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR', /not a cursor this API made|cannot be read/],
      [`cursor=${cursor}&tier=PRATA`, 'INVALID_CURSOR', /belongs to a search with other filters/],
    ];
    for (const [query, code, message] of bad) {
      const { status, body } = await suite.http.get(`/pedidos/orders?${query}`);
      expect({ query, status, code: body.code }).toEqual({ query, status: 400, code });
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', path: '/pedidos/orders' });
      expect(body.message).toMatch(message);
    }
  });

  it("stops a search at the server's own time limit and tells it as ORDER_SEARCH_TIMEOUT", async () => {
    const search = suite.app.get(OrderSearch);
    const scan = { runId: older, filters: { clientePrefix: 'A' }, sortKey: 'cliente' as const, after: null, limit: 50 };
    await expect(search.ordersOfRun({ ...scan, timeLimitMs: 1 })).rejects.toMatchObject({ code: 'ORDER_SEARCH_TIMEOUT' });
    expect((await search.ordersOfRun({ ...scan, timeLimitMs: 60_000 })).length).toBeGreaterThan(0);
  });

  it('sends only finds an index bounds, and explains each on the server here', async () => {
    const indexes = await suite.db.collection('orders').indexes();
    const keysOf = (name: string) => Object.keys(indexes.find((index) => index.name === name)?.key ?? {});
    for (const { name, key } of ORDER_SEARCH_INDEXES) expect(keysOf(name)).toEqual(Object.keys(key));
    const mongo = !(await suite.db.admin().command({ buildInfo: 1 })).ferretdbVersion;
    const after = { key: stored.find((o) => o.runId === older && o.processedAt)!.processedAt!.toISOString(), tiebreak: stored[0]._id.toHexString() };
    const byFilter: [OrderFilters, OrderSortKey, typeof after | null][] = [
      [{}, 'lane', null],
      [{}, 'lane', after],
      [{ tier: 'OURO' }, 'lane', null],
      [{ priority: 'VIP', status: 'falhou' }, 'lane', null],
      [{ processedAt: { from: new Date(0) } }, 'lane', after],
      [{ clientePrefix: 'Ana' }, 'cliente', { key: 'Ana Silva', tiebreak: after.tiebreak }],
      [{ createdAt: { to: new Date() } }, 'createdAt', { key: new Date(0).toISOString(), tiebreak: after.tiebreak }],
    ];
    const finds: SearchFind[] = byFilter.flatMap(([filters, sortKey, position]) => runOrdersFinds({ runId: older, filters, sortKey, after: position, limit: 51 }));
    for (const find of finds) {
      const keys = keysOf(find.index);
      // The fields before the first sort field are all bounded by the filter; the sort is the index's order from there.
      const firstSorted = keys.indexOf(Object.keys(find.sort)[0]);
      expect({ index: find.index, leading: keys.slice(0, firstSorted).filter((field) => !(field in find.filter)) }).toEqual({ index: find.index, leading: [] });
      expect(Object.keys(find.sort)).toEqual(keys.slice(firstSorted));
      const plan = await suite.db.command({ explain: { find: 'orders', filter: find.filter, sort: find.sort, limit: find.limit }, verbosity: 'queryPlanner' });
      expect(plan.ok).toBe(1);
      if (mongo) expectIndexPlan(plan, find.index);
      else expect(plan.filterPushdown).toBe(true); // FerretDB 1.24: it hands PostgreSQL the equality conditions and scans (it cannot use indexes)
    }
    const place = lanePlaceFilters({ runId: older, priority: 'VIP', processedAt: new Date() } as never);
    // countDocuments sends this predicate as an aggregate's $match; the count command's plan is that $match's plan.
    for (const filter of [place.before, place.together]) {
      const plan = await suite.db.command({ explain: { count: 'orders', query: filter }, verbosity: 'queryPlanner' });
      expect(plan.ok).toBe(1);
      if (mongo) expectIndexPlan(plan, place.index);
    }
    const byId = byIdFilter(stored[0].id);
    const plan = await suite.db.command({ explain: { find: 'orders', filter: byId.filter, limit: 1 }, verbosity: 'queryPlanner' });
    if (mongo) expectIndexPlan(plan, byId.index);
    else expect(plan.filterPushdown).toBe(true);
  });
});

/** On MongoDB: the winning plan scans the named index and sorts nothing in memory. */
function expectIndexPlan(plan: Document, index: string): void {
  const stages: { stage: string; indexName?: string }[] = [];
  const walk = (node: Document | undefined) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.stage === 'string') stages.push({ stage: node.stage, indexName: node.indexName });
    for (const child of [node.inputStage, node.queryPlan, ...(node.inputStages ?? [])]) walk(child);
  };
  walk(plan.queryPlanner.winningPlan);
  expect(stages.filter((s) => s.stage === 'IXSCAN' || s.stage === 'COUNT_SCAN').map((s) => s.indexName)).toContain(index);
  expect(stages.map((s) => s.stage)).not.toEqual(expect.arrayContaining(['SORT']));
  expect(stages.map((s) => s.stage)).not.toContain('COLLSCAN');
}
