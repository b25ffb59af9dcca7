import { randomUuids } from './random-uuids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomUuids', () => {
  it('makes the requested number of version 4 UUIDs, as crypto.randomUUID does', () => {
    const ids = randomUuids(5_000);
    expect(ids).toHaveLength(5_000);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(randomUuids(0)).toEqual([]);
  });

  it('never repeats an id, within a batch or across batches', () => {
    const ids = [...randomUuids(20_000), ...randomUuids(20_000)];
    expect(new Set(ids).size).toBe(40_000);
  });

  it('uses every hex digit in every random position', () => {
    const ids = randomUuids(2_000);
    for (const position of [0, 9, 15, 20, 35]) {
      expect(new Set(ids.map((id) => id[position])).size).toBe(16);
    }
  });
});
