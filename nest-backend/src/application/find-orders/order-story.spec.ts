import { Order } from '../../domain/order';
import { newRun } from '../../domain/run';
import { orderStory } from './order-story';

const RUN = '6f1c2a9e-4b1d-4c3e-9a5f-0123456789ab';

function run() {
  return { ...newRun(RUN, 30_000, true, new Date('2026-12-02T10:00:00Z'), 5_000), phase: 'DONE' as const, vipGenerated: 7_420, normalGenerated: 22_580 };
}

const vipOrder: Order = {
  id: '11111111-2222-4333-8444-555555555555',
  runId: RUN,
  cliente: 'Sofia Lima',
  valor: 99.9,
  tier: 'DIAMANTE',
  priority: 'VIP',
  observacoes: 'enviado com prioridade',
  status: 'processado',
  createdAt: new Date('2026-12-02T10:00:01Z'),
  processedAt: new Date('2026-12-02T10:00:05.500Z'),
  seq: 7_001,
  job: 1,
  attempts: 1,
};

describe('order story', () => {
  it('names the job of its slice by its queue id, from the key and the job size the run recorded', () => {
    const story = orderStory(vipOrder, run(), { before: 5_000, together: 2_420 }, null);
    expect(story.job).toEqual({ key: 1, id: `${RUN}:VIP:5000-7420`, from: 5_000, to: 7_420 });
    expect(story.lane).toEqual({ priority: 'VIP', size: 7_420, processedBefore: 5_000, processedTogether: 2_420, countTimedOut: false });
    expect(story.run).toMatchObject({ runId: RUN, phase: 'DONE', ordersPerJob: 5_000, finishedAt: null });
    expect(story.order).toMatchObject({ id: vipOrder.id, processedAt: '2026-12-02T10:00:05.500Z', attempts: 1 });
    expect(story.deadLetter).toBeNull();
  });

  it('gives a whole job for an order before the lane end', () => {
    const order = { ...vipOrder, priority: 'NORMAL' as const, tier: 'OURO' as const, seq: 12_345, job: 2 };
    expect(orderStory(order, run(), null, null).job).toEqual({ key: 2, id: `${RUN}:NORMAL:10000-15000`, from: 10_000, to: 15_000 });
  });

  it('tells a failed order by its dead letter, with no place in the lane', () => {
    const failedAt = new Date('2026-12-02T10:01:00Z');
    const failed = { ...vipOrder, status: 'falhou' as const, processedAt: failedAt, attempts: 0 };
    const story = orderStory(failed, run(), null, { runId: RUN, orderId: failed.id, priority: 'VIP', seq: failed.seq, reason: 'boom', attempts: 5, failedAt, retriedAt: null });
    expect(story.deadLetter).toEqual({ reason: 'boom', attempts: 5, failedAt: failedAt.toISOString(), retriedAt: null });
    expect(story.lane.processedBefore).toBeNull();
  });

  it('tells the story without the place when the server could not count it in time', () => {
    expect(orderStory(vipOrder, run(), 'timed out', null).lane).toEqual({ priority: 'VIP', size: 7_420, processedBefore: null, processedTogether: null, countTimedOut: true });
  });

  it('still tells what it knows of an order whose run record is gone', () => {
    expect(orderStory(vipOrder, null, null, null)).toMatchObject({ run: null, job: { key: 1, id: null }, lane: { size: null } });
  });
});
