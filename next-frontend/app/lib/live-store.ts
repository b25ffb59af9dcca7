/**
 * A minimal observable value for client-only state derived from live data (the chart's series),
 * read with React's useSyncExternalStore. REST data lives in SWR's cache instead.
 */
export interface LiveStore<T> {
  get(): T;
  update(updater: (current: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function createLiveStore<T>(initial: T): LiveStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    update(updater) {
      const next = updater(value);
      if (next === value) return;
      value = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
