/** Nearest-rank percentile of unsorted samples; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Per 1,000 orders, two decimals. */
export function per1000(count: number, orders: number): number {
  return orders > 0 ? round2((count * 1000) / orders) : 0;
}

/** Orders per second over a window. */
export function ratePerSecond(count: number, ms: number | null | undefined): number {
  return ms && ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
