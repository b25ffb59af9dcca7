/** Reads the numeric fields of a Redis hash: counts default to 0, times (epoch ms) to null. */
export function hashFields(hash: Record<string, string>) {
  return {
    count: (field: string): number => Number(hash[field] ?? 0),
    time: (field: string): number | null => (hash[field] ? Number(hash[field]) : null),
  };
}
