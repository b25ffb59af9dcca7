import Redis from 'ioredis';
import { Environment } from '../../src/infrastructure/config/environment';
import { RedisKeys } from '../../src/infrastructure/redis/redis-keys';

/**
 * Hears every phase change the moment it is announced (the same Redis channel the API relays to
 * sockets), so a test can strike in a phase too short to catch by polling the API.
 */
export class PhaseWatch {
  private readonly subscriber: Redis;
  private readonly changes: Array<{ phase: string; previous: string }> = [];
  private readonly waiters: Array<{ phase: string; resolve: () => void }> = [];

  private constructor(redisUrl: string) {
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  }

  static async start(env: Environment): Promise<PhaseWatch> {
    const watch = new PhaseWatch(env.REDIS_URL);
    const channel = new RedisKeys(env.KEY_PREFIX).events;
    watch.subscriber.on('message', (_channel: string, message: string) => watch.hear(message));
    await watch.subscriber.subscribe(channel);
    return watch;
  }

  /** The phases announced so far, in order. */
  get phases(): string[] {
    return this.changes.map((change) => change.phase);
  }

  /** The phase a run was in when it moved to `phase` (e.g. which phase a cancel interrupted), if announced. */
  previousOf(phase: string): string | undefined {
    return this.changes.find((change) => change.phase === phase)?.previous;
  }

  /** Resolves as soon as `phase` is (or was already) announced; rejects after `timeoutMs`. */
  reached(phase: string, timeoutMs: number): Promise<void> {
    if (this.phases.includes(phase)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { phase, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`phase ${phase} not announced within ${timeoutMs} ms (seen: ${this.phases.join(', ') || 'none'})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Forgets the phases seen so far (before the next run). */
  forget(): void {
    this.changes.length = 0;
  }

  close(): void {
    this.subscriber.disconnect();
  }

  private hear(message: string): void {
    let event: { type: string; payload: { phase?: string; previous?: string } };
    try {
      event = JSON.parse(message);
    } catch {
      return;
    }
    if (event.type !== 'phase' || !event.payload.phase) return;
    const phase = event.payload.phase;
    this.changes.push({ phase, previous: event.payload.previous ?? '' });
    for (const waiter of this.waiters.filter((w) => w.phase === phase)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
