import { ObjectId } from 'mongodb';
import { Order } from '../../domain/order';
import { ORDER_SEARCH_INDEXES, orderSchemaFor } from './order-search-indexes';
import { lanePlaceFilters, runOrdersFinds } from './order-search-queries';

const RUN = '6f1c2a9e-4b1d-4c3e-9a5f-0123456789ab';
const ID = '6b0f8fda734d76ff1d31b11e';

describe('order search queries', () => {
  it('names every priority and status in the lane listing, so each pair is one scan of search_lane', () => {
    const [all] = runOrdersFinds({ runId: RUN, filters: {}, sortKey: 'lane', after: null, limit: 51 });
    expect(all.filter).toEqual({ runId: RUN, priority: { $in: ['VIP', 'NORMAL'] }, status: { $in: ['pendente', 'processado', 'falhou'] } });
    const [find] = runOrdersFinds({ runId: RUN, filters: { tier: 'PRATA' }, sortKey: 'lane', after: null, limit: 51 });
    expect(find).toEqual({
      filter: { runId: RUN, priority: 'NORMAL', status: { $in: ['pendente', 'processado', 'falhou'] }, tier: 'PRATA' },
      sort: { processedAt: 1, _id: 1 },
      limit: 51,
      index: 'search_lane',
    });
  });

  it('resumes with the rest of the key, then past it, each a plain range', () => {
    const from = new Date('2026-12-02T10:00:00Z');
    const [ties, past] = runOrdersFinds({
      runId: RUN,
      filters: { processedAt: { from } },
      sortKey: 'lane',
      after: { key: '2026-12-02T10:00:03.000Z', tiebreak: ID },
      limit: 10,
    });
    expect(ties.filter).toMatchObject({ processedAt: new Date('2026-12-02T10:00:03.000Z'), _id: { $gt: new ObjectId(ID) } });
    expect(ties.sort).toEqual({ _id: 1 });
    expect(past.filter).toMatchObject({ processedAt: { $gte: from, $gt: new Date('2026-12-02T10:00:03.000Z') } });
    expect(past.sort).toEqual({ processedAt: 1, _id: 1 });
  });

  it('goes on from the pending orders (null processedAt) to every processed one', () => {
    const [ties, past] = runOrdersFinds({ runId: RUN, filters: {}, sortKey: 'lane', after: { key: null, tiebreak: ID }, limit: 10 });
    expect(ties.filter).toMatchObject({ processedAt: null });
    expect(past.filter).toMatchObject({ processedAt: { $gte: new Date(0) } });
  });

  it('reads a customer prefix literally and keeps it past the key', () => {
    const [, past] = runOrdersFinds({ runId: RUN, filters: { clientePrefix: 'Ana (S.' }, sortKey: 'cliente', after: { key: 'Ana (S. Lima', tiebreak: ID }, limit: 10 });
    expect(past.filter).toMatchObject({ cliente: { $regex: '^Ana \\(S\\.', $gt: 'Ana (S. Lima' } });
    expect(past.index).toBe('search_cliente');
    expect(new RegExp((past.filter.cliente as { $regex: string }).$regex).test('Ana (S. Lima')).toBe(true);
  });

  it('refuses a position whose tie-break is not an ObjectId', () => {
    expect(() => runOrdersFinds({ runId: RUN, filters: {}, sortKey: 'createdAt', after: { key: '2026-12-02T10:00:03.000Z', tiebreak: 'nope' }, limit: 10 })).toThrow(/damaged/);
  });

  it('counts the lane before and at the order instant on search_lane', () => {
    const processedAt = new Date('2026-12-02T10:00:05Z');
    const place = lanePlaceFilters({ runId: RUN, priority: 'VIP', processedAt } as Order);
    expect(place.before).toEqual({ runId: RUN, priority: 'VIP', status: 'processado', processedAt: { $lt: processedAt } });
    expect(place.together).toEqual({ runId: RUN, priority: 'VIP', status: 'processado', processedAt });
  });

  it('adds the search indexes to the schema only when they are wanted', () => {
    const names = (on: boolean) => orderSchemaFor({ ORDER_SEARCH_INDEXES: on }).indexes().map(([, options]) => (options as { name?: string }).name);
    expect(names(true)).toEqual(expect.arrayContaining(ORDER_SEARCH_INDEXES.map((index) => index.name)));
    expect(names(false).filter((name) => name?.startsWith('search_'))).toEqual([]);
    expect(orderSchemaFor({ ORDER_SEARCH_INDEXES: false }).indexes()).toHaveLength(1);
  });
});
