import { OrderSlice, lastFullSliceEnd, sliceJobId, sliceRange, slicesCovering } from './order-slices';

const bounds = (slices: OrderSlice[]) => slices.map((slice) => [slice.from, slice.to]);

describe('sliceRange', () => {
  it('cuts a range into consecutive slices of the job size', () => {
    const slices = sliceRange('run-1', 'VIP', 0, 3000, 1000);
    expect(bounds(slices)).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
    ]);
    expect(slices.every((slice) => slice.runId === 'run-1' && slice.priority === 'VIP')).toBe(true);
  });

  it('ends with a partial slice when the range is not a multiple of the size', () => {
    expect(bounds(sliceRange('r', 'NORMAL', 500, 1750, 500))).toEqual([
      [500, 1000],
      [1000, 1500],
      [1500, 1750],
    ]);
  });

  it('covers every seq exactly once', () => {
    const slices = sliceRange('r', 'NORMAL', 7, 1234, 100);
    const covered = slices.flatMap((slice) => Array.from({ length: slice.to - slice.from }, (_, i) => slice.from + i));
    expect(covered).toEqual(Array.from({ length: 1234 - 7 }, (_, i) => 7 + i));
  });

  it('makes one slice per order with size 1', () => {
    expect(bounds(sliceRange('r', 'VIP', 3, 6, 1))).toEqual([
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
  });

  it('makes no slice for an empty range', () => {
    expect(sliceRange('r', 'VIP', 5, 5, 100)).toEqual([]);
    expect(sliceRange('r', 'VIP', 0, 0, 100)).toEqual([]);
  });

  it('makes a single slice when the range is smaller than the size', () => {
    expect(bounds(sliceRange('r', 'VIP', 0, 42, 1000))).toEqual([[0, 42]]);
  });
});

describe('lastFullSliceEnd', () => {
  it('stops before a trailing partial slice', () => {
    expect(lastFullSliceEnd(0, 2500, 1000)).toBe(2000);
    expect(lastFullSliceEnd(1000, 3999, 1000)).toBe(3000);
  });

  it('reaches the end when the range is whole slices', () => {
    expect(lastFullSliceEnd(0, 3000, 1000)).toBe(3000);
  });

  it('does not move when less than one slice is ready', () => {
    expect(lastFullSliceEnd(2000, 2999, 1000)).toBe(2000);
    expect(lastFullSliceEnd(2000, 2000, 1000)).toBe(2000);
  });

  it('yields only full slices when fed to sliceRange', () => {
    const end = lastFullSliceEnd(100, 1055, 250);
    expect(sliceRange('r', 'VIP', 100, end, 250).every((slice) => slice.to - slice.from === 250)).toBe(true);
  });
});

describe('slicesCovering', () => {
  it('groups consecutive seqs and splits at gaps', () => {
    expect(bounds(slicesCovering('r', 'NORMAL', [0, 1, 2, 5, 6, 9], 100))).toEqual([
      [0, 3],
      [5, 7],
      [9, 10],
    ]);
  });

  it('never exceeds the job size', () => {
    const seqs = Array.from({ length: 10 }, (_, i) => i);
    expect(bounds(slicesCovering('r', 'VIP', seqs, 4))).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
  });

  it('makes one slice per isolated seq', () => {
    const slices = slicesCovering('r', 'VIP', [3, 10, 20], 1000);
    expect(bounds(slices)).toEqual([
      [3, 4],
      [10, 11],
      [20, 21],
    ]);
    expect(slices.every((slice) => slice.runId === 'r' && slice.priority === 'VIP')).toBe(true);
  });

  it('makes single-order slices with size 1 even for consecutive seqs', () => {
    expect(bounds(slicesCovering('r', 'VIP', [4, 5, 6], 1))).toEqual([
      [4, 5],
      [5, 6],
      [6, 7],
    ]);
  });

  it('covers exactly the given seqs', () => {
    const seqs = [1, 2, 3, 7, 8, 15, 16, 17, 18, 19, 20];
    const covered = slicesCovering('r', 'NORMAL', seqs, 3).flatMap((slice) =>
      Array.from({ length: slice.to - slice.from }, (_, i) => slice.from + i),
    );
    expect(covered).toEqual(seqs);
  });

  it('makes no slice when nothing is pending', () => {
    expect(slicesCovering('r', 'VIP', [], 10)).toEqual([]);
  });
});

describe('sliceJobId', () => {
  it('differs for each slice of a run and between priorities and runs', () => {
    const slices = [
      ...sliceRange('run-a', 'VIP', 0, 2500, 1000),
      ...sliceRange('run-a', 'NORMAL', 0, 2500, 1000),
      ...sliceRange('run-b', 'VIP', 0, 2500, 1000),
      ...slicesCovering('run-a', 'VIP', [0, 1, 2], 1000),
    ];
    const ids = slices.map((slice) => sliceJobId(slice));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('differs for a requeue tag, so a slice can be queued again while its old job is kept as failed', () => {
    const slice = { runId: 'r', priority: 'VIP' as const, from: 0, to: 1 };
    expect(sliceJobId(slice, 'repair-1')).not.toBe(sliceJobId(slice));
    expect(sliceJobId(slice, 'repair-1')).not.toBe(sliceJobId(slice, 'repair-2'));
  });

  it('is the same for the same slice, so re-enqueueing it is idempotent', () => {
    expect(sliceJobId({ runId: 'r', priority: 'VIP', from: 0, to: 10 })).toBe(sliceJobId({ runId: 'r', priority: 'VIP', from: 0, to: 10 }));
  });
});
