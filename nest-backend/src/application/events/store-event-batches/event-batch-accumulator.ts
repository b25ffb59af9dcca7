import { BatchingPolicy, flushDecision } from '../../../domain/events/batching-policy';
import { InteractionEvent } from '../../../domain/events/interaction-event';

/**
 * What became of one event handed to the accumulator. `unconfirmed`: its write failed as a whole and may have
 * stored it under `batchId` (to try again, carrying that batchId).
 */
export type EventOutcome =
  | { kind: 'stored' }
  | { kind: 'duplicate' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unconfirmed'; reason: string; batchId: string };

/** Writes one batch and says what became of each of its events (same order). Throwing fails the whole batch. */
export type BatchWriter = (events: InteractionEvent[]) => Promise<EventOutcome[]>;

interface Held {
  event: InteractionEvent;
  at: number;
  settle: (outcome: EventOutcome) => void;
}

/** How many batch writes one consumer keeps in flight: the next batch fills while the last one is written. */
const WRITES_IN_FLIGHT = 2;

/**
 * The batch a consumer fills from the deliveries it holds: written when it reaches the policy's size or its
 * oldest event has waited the policy's flushMs, whichever comes first. `add` resolves once every event it
 * was given has been written (or refused), so a delivery is acknowledged only after its events are stored.
 */
export class EventBatchAccumulator {
  private held: Held[] = [];
  private writing = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = 0;
  private forceFlush = false;

  constructor(
    private readonly policy: BatchingPolicy,
    private readonly write: BatchWriter,
    private readonly onChange: (size: number, oldestAt: number | null) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.held.length;
  }

  /** When the oldest held event arrived; null when nothing is held. */
  get oldestAt(): number | null {
    return this.held[0]?.at ?? null;
  }

  add(events: InteractionEvent[]): Promise<EventOutcome[]> {
    if (events.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const outcomes = new Array<EventOutcome>(events.length);
      let left = events.length;
      const at = this.now();
      events.forEach((event, index) => {
        this.held.push({
          event,
          at,
          settle: (outcome) => {
            outcomes[index] = outcome;
            if (--left === 0) resolve(outcomes);
          },
        });
      });
      this.notify();
      this.schedule();
    });
  }

  /** Writes everything held now, whatever its age (at shutdown, so held deliveries finish quickly). */
  flushAll(): void {
    this.forceFlush = true;
    this.schedule();
  }

  private schedule(): void {
    while (this.writing < WRITES_IN_FLIGHT && this.held.length > 0) {
      const decision = flushDecision(this.policy, this.held.length, this.held[0].at, this.now());
      if (decision.flush) this.writeBatch(decision.take);
      else if (this.forceFlush) this.writeBatch(Math.min(this.held.length, this.policy.size));
      else {
        this.armTimer(decision.waitMs);
        return;
      }
    }
    if (this.held.length === 0) {
      this.forceFlush = false;
      this.clearTimer();
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private armTimer(waitMs: number | null): void {
    if (waitMs === null) return;
    const due = this.now() + waitMs;
    if (this.timer !== null && this.timerDue <= due) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, waitMs);
    // Held events never keep a process alive on their own: shutdown writes them (flushAll).
    this.timer.unref();
  }

  private writeBatch(take: number): void {
    const batch = this.held.splice(0, take);
    this.writing++;
    this.notify();
    this.write(batch.map((held) => held.event))
      .then(
        (outcomes) => batch.forEach((held, index) => held.settle(outcomes[index] ?? { kind: 'rejected', reason: 'no outcome reported' })),
        (error: Error) => batch.forEach((held) => held.settle({ kind: 'rejected', reason: error.message })),
      )
      .finally(() => {
        this.writing--;
        this.schedule();
      });
  }

  private notify(): void {
    this.onChange(this.held.length, this.held[0]?.at ?? null);
  }
}
