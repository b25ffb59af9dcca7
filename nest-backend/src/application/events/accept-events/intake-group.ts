/**
 * Gathers items that arrive close together and hands them to `send` as one group: when `max` items are
 * waiting, or `waitMs` after the first of them, whichever comes first. Each `push` resolves when the group
 * holding its items was sent, and rejects if that send failed. Pure timing logic; the caller decides what a
 * send is (here, one queue job).
 */
export class IntakeGroup<T> {
  private items: T[] = [];
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: { max: number; waitMs: number },
    private readonly send: (items: T[]) => Promise<void>,
  ) {}

  push(items: T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.items.push(...items);
      this.waiters.push({ resolve, reject });
      if (this.items.length >= this.settings.max || this.settings.waitMs === 0) this.sendNow();
      else if (this.timer === null) this.timer = setTimeout(() => this.sendNow(), this.settings.waitMs);
    });
  }

  /** Sends what is waiting now (used at shutdown). */
  flush(): void {
    if (this.items.length > 0) this.sendNow();
  }

  private sendNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const items = this.items;
    const waiters = this.waiters;
    this.items = [];
    this.waiters = [];
    this.send(items).then(
      () => waiters.forEach((waiter) => waiter.resolve()),
      (error: Error) => waiters.forEach((waiter) => waiter.reject(error)),
    );
  }
}
