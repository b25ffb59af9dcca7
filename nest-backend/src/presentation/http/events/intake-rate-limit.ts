/** A client's budget of events for the current minute. */
interface Window {
  startedAt: number;
  used: number;
}

const WINDOW_MS = 60_000;
/** Clients remembered before the windows that have ended are swept out. */
const SWEEP_ABOVE = 10_000;

/**
 * At most `limit` events per client per minute (fixed one-minute windows), kept in this process's memory:
 * counting in Redis would cost a command per request on the hottest path. With several API processes
 * each grants the limit.
 */
export class IntakeRateLimit {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limit: number) {}

  /** Takes `events` from the client's budget; returns the seconds to wait when they do not fit (nothing taken). */
  take(client: string, events: number, now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    if (this.limit === 0) return { allowed: true };
    let window = this.windows.get(client);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size >= SWEEP_ABOVE) this.sweep(now);
      window = { startedAt: now, used: 0 };
      this.windows.set(client, window);
    }
    if (window.used + events > this.limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000)) };
    window.used += events;
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(client);
  }
}
