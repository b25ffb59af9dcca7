import { OrderSlice, jobOfSeq, jobSlices, lastFullSliceEnd, singleOrderSlice, sliceJobId, sliceRange } from './order-slices';

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
    const end = lastFullSliceEnd(250, 1055, 250);
    expect(sliceRange('r', 'VIP', 250, end, 250).every((slice) => slice.to - slice.from === 250)).toBe(true);
  });
});

describe('jobOfSeq', () => {
  it('numbers the job-sized slices of a lane from 0', () => {
    expect([0, 999, 1000, 2500].map((seq) => jobOfSeq(seq, 1000))).toEqual([0, 0, 1, 2]);
    expect([0, 1, 2].map((seq) => jobOfSeq(seq, 1))).toEqual([0, 1, 2]);
  });
});

describe('sliceRange and the job key', () => {
  it('gives each slice the job key of every order in it', () => {
    for (const slice of sliceRange('r', 'NORMAL', 7, 12_345, 1000)) {
      for (let seq = slice.from; seq < slice.to; seq++) expect(jobOfSeq(seq, 1000)).toBe(slice.job);
    }
  });

  it('cuts at job boundaries when the range starts inside a job', () => {
    expect(sliceRange('r', 'VIP', 250, 1200, 500).map((slice) => [slice.job, slice.from, slice.to])).toEqual([
      [0, 250, 500],
      [1, 500, 1000],
      [2, 1000, 1200],
    ]);
  });
});

describe('jobSlices', () => {
  it('makes the whole slice of each job once, in order, and stops at the lane end', () => {
    expect(jobSlices('r', 'NORMAL', [3, 0, 0, 3, 1], 100, 350).map((slice) => [slice.job, slice.from, slice.to])).toEqual([
      [0, 0, 100],
      [1, 100, 200],
      [3, 300, 350],
    ]);
  });

  it('makes no slice for a job past the lane end, or for none', () => {
    expect(jobSlices('r', 'VIP', [5], 100, 350)).toEqual([]);
    expect(jobSlices('r', 'VIP', [], 100, 350)).toEqual([]);
  });
});

describe('singleOrderSlice', () => {
  it('keeps the job key and covers one seq', () => {
    const [slice] = sliceRange('r', 'VIP', 1000, 2000, 1000);
    expect(singleOrderSlice(slice, 1234)).toEqual({ runId: 'r', priority: 'VIP', job: 1, from: 1234, to: 1235 });
  });
});

describe('sliceJobId', () => {
  it('differs for each slice of a run and between priorities and runs', () => {
    const slices = [
      ...sliceRange('run-a', 'VIP', 0, 2500, 1000),
      ...sliceRange('run-a', 'NORMAL', 0, 2500, 1000),
      ...sliceRange('run-b', 'VIP', 0, 2500, 1000),
      singleOrderSlice(sliceRange('run-a', 'VIP', 0, 1000, 1000)[0], 1),
    ];
    const ids = slices.map((slice) => sliceJobId(slice));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('differs for a requeue tag, so a slice can be queued again while its old job is kept as failed', () => {
    const slice = { runId: 'r', priority: 'VIP' as const, job: 0, from: 0, to: 1 };
    expect(sliceJobId(slice, 'repair-1')).not.toBe(sliceJobId(slice));
    expect(sliceJobId(slice, 'repair-1')).not.toBe(sliceJobId(slice, 'repair-2'));
  });

  it('is the same for the same slice, so re-enqueueing it is idempotent', () => {
    expect(sliceJobId({ runId: 'r', priority: 'VIP', job: 0, from: 0, to: 10 })).toBe(sliceJobId({ runId: 'r', priority: 'VIP', job: 0, from: 0, to: 10 }));
  });
});
