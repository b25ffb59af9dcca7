import { IntakeGroup } from './intake-group';

describe('IntakeGroup', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends what arrived within waitMs of the first item as one group, and resolves every push after it', async () => {
    const sent: number[][] = [];
    const group = new IntakeGroup<number>({ max: 10, waitMs: 5 }, async (items) => void sent.push(items));
    const pushes = [group.push([1]), group.push([2]), group.push([3, 4])];
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(5);
    await Promise.all(pushes);
    expect(sent).toEqual([[1, 2, 3, 4]]);
  });

  it('sends at once when max items are waiting, without waiting for the timer', async () => {
    const sent: number[][] = [];
    const group = new IntakeGroup<number>({ max: 3, waitMs: 1_000 }, async (items) => void sent.push(items));
    const full = [group.push([1]), group.push([2]), group.push([3])];
    await Promise.all(full);
    expect(sent).toEqual([[1, 2, 3]]);
    const next = group.push([4]);
    jest.advanceTimersByTime(1_000);
    await next;
    expect(sent).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects every push of a group whose send failed, and keeps working for the next group', async () => {
    let fail = true;
    const group = new IntakeGroup<number>({ max: 2, waitMs: 10 }, async () => {
      if (fail) throw new Error('queue down');
    });
    const results = await Promise.allSettled([group.push([1]), group.push([2])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(Promise.all([group.push([3]), group.push([4])])).resolves.toBeDefined();
  });

  it('with waitMs 0 sends each push on its own', async () => {
    const sent: number[][] = [];
    const group = new IntakeGroup<number>({ max: 100, waitMs: 0 }, async (items) => void sent.push(items));
    await Promise.all([group.push([1]), group.push([2])]);
    expect(sent).toEqual([[1], [2]]);
  });
});
