/** The promise's value, or a rejection once `ms` have passed (the work itself goes on; its outcome is ignored). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref?.();
  });
  promise.catch(() => undefined);
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Runs `work` unless a run of it is still going, in which case that run's promise is returned: slow calls do not pile up. */
export class OneAtATime<T> {
  private running: Promise<T> | null = null;

  run(work: () => Promise<T>): Promise<T> {
    this.running ??= work().finally(() => (this.running = null));
    return this.running;
  }
}
