import { ProcessRun, newRun } from '../run';
import { inFirstVipPass, laneHasWork, laneProgress } from './lane-work';

const base = { ...newRun('r', 10_000, true, new Date(0), 100), vipGenerated: 2_500, normalGenerated: 7_500, generated: 10_000 };

function at(changes: Partial<ProcessRun> & { vip?: number; normal?: number }): ProcessRun {
  const { vip = 0, normal = 0, ...rest } = changes;
  return {
    ...base,
    ...rest,
    processing: { vip: { start: null, end: null, count: vip }, normal: { start: null, end: null, count: normal } },
  };
}

describe('laneHasWork', () => {
  it('while generating, the VIP lane has work only for the slices queued and not yet settled', () => {
    expect(laneHasWork(at({ phase: 'GENERATING', vipEnqueued: 0 }), 'VIP')).toBe(false);
    expect(laneHasWork(at({ phase: 'GENERATING', vipEnqueued: 500, vip: 400 }), 'VIP')).toBe(true);
    expect(laneHasWork(at({ phase: 'GENERATING', vipEnqueued: 500, vip: 490, failed: 10 }), 'VIP')).toBe(false);
    expect(laneHasWork(at({ phase: 'GENERATING', vipEnqueued: 500 }), 'NORMAL')).toBe(false);
  });

  it('a lane in its drain phase has work until the drain is confirmed', () => {
    expect(laneHasWork(at({ phase: 'WAITING_VIP_DRAIN', vipEnqueued: 2_500, vip: 2_500 }), 'VIP')).toBe(true);
    expect(laneHasWork(at({ phase: 'WAITING_NORMAL_DRAIN', vip: 2_500, normal: 7_500 }), 'NORMAL')).toBe(true);
    expect(laneHasWork(at({ phase: 'WAITING_NORMAL_DRAIN' }), 'VIP')).toBe(false);
  });

  it('the NORMAL lane gets work when its slices are queued', () => {
    expect(laneHasWork(at({ phase: 'ENQUEUE_NORMAL', normalEnqueued: 0 }), 'NORMAL')).toBe(false);
    expect(laneHasWork(at({ phase: 'ENQUEUE_NORMAL', normalEnqueued: 1_000 }), 'NORMAL')).toBe(true);
  });

  it('no lane has work in a finished run, nor in one waiting for POST /pedidos/process', () => {
    for (const phase of ['DONE', 'ABORTED', 'ERROR'] as const) {
      expect(laneHasWork(at({ phase, vipEnqueued: 2_500 }), 'VIP')).toBe(false);
      expect(laneHasWork(at({ phase, normalEnqueued: 7_500 }), 'NORMAL')).toBe(false);
    }
    expect(laneHasWork(at({ phase: 'GENERATING', awaitingProcess: true, vipEnqueued: 500 }), 'VIP')).toBe(false);
  });
});

describe('laneProgress', () => {
  it("moves with the lane's processed orders and with orders given up for good", () => {
    expect(laneProgress(at({ vip: 10, normal: 20, failed: 3 }), 'VIP')).toBe(13);
    expect(laneProgress(at({ vip: 10, normal: 20, failed: 3 }), 'NORMAL')).toBe(23);
  });
});

describe('inFirstVipPass', () => {
  it('holds from the start of an automatic run until its VIP drain is confirmed', () => {
    expect(inFirstVipPass(at({ phase: 'GENERATING' }))).toBe(true);
    expect(inFirstVipPass(at({ phase: 'WAITING_VIP_DRAIN' }))).toBe(true);
    expect(inFirstVipPass(at({ phase: 'ENQUEUE_NORMAL' }))).toBe(false);
    expect(inFirstVipPass(at({ phase: 'DONE' }))).toBe(false);
  });

  it('not for a two-step run, nor for a run a dead-letter retry reopened', () => {
    expect(inFirstVipPass(at({ phase: 'WAITING_VIP_DRAIN', autoProcess: false }))).toBe(false);
    expect(inFirstVipPass(at({ phase: 'WAITING_VIP_DRAIN', normalEnqueued: 7_500 }))).toBe(false);
  });
});
