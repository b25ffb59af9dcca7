import { Order, priorityOfTier } from '../../domain/order';
import { SequenceCursor, makeOrders } from './order-factory';

const NOW = new Date('2024-05-01T12:00:00.000Z');

/** A small seeded PRNG (mulberry32) so a run of orders can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seqsOf = (orders: Order[], priority: 'VIP' | 'NORMAL') => orders.filter((order) => order.priority === priority).map((order) => order.seq);
const range = (from: number, length: number) => Array.from({ length }, (_, i) => from + i);
const place = (runId: string) => ({ runId, ordersPerJob: 100, cursor: { vip: 0, normal: 0 } });

describe('makeOrders', () => {
  it('makes the requested number of orders', () => {
    expect(makeOrders(place('run-1'), 250, NOW, seeded(1))).toHaveLength(250);
    expect(makeOrders(place('run-1'), 0, NOW, seeded(1))).toEqual([]);
  });

  it('makes pending, never-attempted orders of the run', () => {
    for (const order of makeOrders(place('run-1'), 200, NOW, seeded(2))) {
      expect(order).toMatchObject({ runId: 'run-1', status: 'pendente', attempts: 0, processedAt: null, createdAt: NOW });
      expect(order.cliente).toMatch(/^\S+ \S+$/);
      expect(order.observacoes.length).toBeGreaterThan(0);
      expect(order.valor).toBeGreaterThanOrEqual(1);
      expect(order.valor).toBeLessThanOrEqual(5001);
    }
  });

  it('gives VIP priority to exactly the DIAMANTE orders', () => {
    const orders = makeOrders(place('run-1'), 2000, NOW, seeded(3));
    for (const order of orders) expect(order.priority).toBe(priorityOfTier(order.tier));
    expect(new Set(orders.map((order) => order.tier))).toEqual(new Set(['BRONZE', 'PRATA', 'OURO', 'DIAMANTE']));
  });

  it('follows the injected random for the tier', () => {
    expect(makeOrders(place('r'), 20, NOW, () => 0.99).every((order) => order.tier === 'DIAMANTE' && order.priority === 'VIP')).toBe(true);
    expect(makeOrders(place('r'), 20, NOW, () => 0).every((order) => order.tier === 'BRONZE' && order.priority === 'NORMAL')).toBe(true);
  });

  it('numbers each priority gap-free from the cursor and advances it', () => {
    const cursor: SequenceCursor = { vip: 40, normal: 100 };
    const orders = makeOrders({ runId: 'run-1', ordersPerJob: 100, cursor }, 500, NOW, seeded(4));
    const vip = seqsOf(orders, 'VIP');
    const normal = seqsOf(orders, 'NORMAL');
    expect(vip).toEqual(range(40, vip.length));
    expect(normal).toEqual(range(100, normal.length));
    expect(cursor).toEqual({ vip: 40 + vip.length, normal: 100 + normal.length });
  });

  it('continues the numbering across calls with the same cursor, as generation chunks do', () => {
    const cursor: SequenceCursor = { vip: 0, normal: 0 };
    const orders = [
      ...makeOrders({ runId: 'run-1', ordersPerJob: 100, cursor }, 300, NOW, seeded(5)),
      ...makeOrders({ runId: 'run-1', ordersPerJob: 100, cursor }, 300, NOW, seeded(6)),
      ...makeOrders({ runId: 'run-1', ordersPerJob: 100, cursor }, 1, NOW, () => 0.99),
    ];
    const vip = seqsOf(orders, 'VIP');
    const normal = seqsOf(orders, 'NORMAL');
    expect(vip).toEqual(range(0, vip.length));
    expect(normal).toEqual(range(0, normal.length));
    expect(vip.length + normal.length).toBe(601);
    expect(cursor).toEqual({ vip: vip.length, normal: normal.length });
  });

  it('gives every order the job key of its seq under the run\'s job size', () => {
    const cursor: SequenceCursor = { vip: 0, normal: 250 };
    for (const order of makeOrders({ runId: 'r', ordersPerJob: 300, cursor }, 1000, NOW, seeded(7))) expect(order.job).toBe(Math.floor(order.seq / 300));
  });

  it('gives every order a distinct id, across calls too', () => {
    const cursor: SequenceCursor = { vip: 0, normal: 0 };
    const ids = [...makeOrders({ runId: 'r', ordersPerJob: 100, cursor }, 1000, NOW), ...makeOrders({ runId: 'r', ordersPerJob: 100, cursor }, 1000, NOW)].map((order) => order.id);
    expect(new Set(ids).size).toBe(2000);
  });

  it('makes the same orders from the same random sequence (ids aside)', () => {
    const withoutId = (orders: Order[]) => orders.map(({ id: _id, ...rest }) => rest);
    const first = makeOrders(place('run-1'), 100, NOW, seeded(42));
    const second = makeOrders(place('run-1'), 100, NOW, seeded(42));
    expect(withoutId(second)).toEqual(withoutId(first));
    expect(withoutId(makeOrders(place('run-1'), 100, NOW, seeded(43)))).not.toEqual(withoutId(first));
  });
});
