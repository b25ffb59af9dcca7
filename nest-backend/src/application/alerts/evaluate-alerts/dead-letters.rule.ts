import { AlertCondition } from '../../../domain/alerts/alert';
import { DeadLetter } from '../../../domain/dead-letter';
import { DeadLetterStore } from '../../../domain/ports/dead-letter-store.port';
import { within } from '../within';
import { AlertRule, Observation } from './alert-rule';

/** Without a sign of change, the dead letters are counted again this often (a retry or a reset may have emptied them). */
export const DEAD_LETTERS_RECOUNT_MS = 60_000;
const COUNT_TIMEOUT_MS = 2_000;

/**
 * Open while at least `atLeast` dead letters wait for a retry. They are counted in the database when the latest
 * run's failed count or the latest run itself changes (the live counters every check reads), and once a minute
 * otherwise: never a database read per check.
 */
export class DeadLettersRule implements AlertRule {
  readonly kind = 'dead-letters' as const;
  private known: { total: number; newest: DeadLetter | null } | null = null;
  private countedAt = 0;
  private countedFor: string | null = null;
  private counting: Promise<void> | null = null;

  constructor(
    private readonly atLeast: number,
    private readonly deadLetters: Pick<DeadLetterStore, 'listOpen'>,
  ) {}

  async evaluate({ at, run }: Observation): Promise<AlertCondition[] | null> {
    if (this.atLeast === 0) return [];
    const signal = run === undefined ? this.countedFor : `${run?.runId ?? '-'}:${run?.failed ?? 0}`;
    const stale = this.known === null || signal !== this.countedFor || at.getTime() - this.countedAt >= DEAD_LETTERS_RECOUNT_MS;
    if (stale) {
      this.counting ??= this.count(at, signal).finally(() => (this.counting = null));
      try {
        await within(this.counting, COUNT_TIMEOUT_MS, 'counting dead letters');
      } catch {
        return null;
      }
    }
    if (!this.known || this.known.total < this.atLeast) return [];
    return [this.condition(this.known.total, this.known.newest)];
  }

  private async count(at: Date, signal: string | null): Promise<void> {
    const page = await this.deadLetters.listOpen(1, 1);
    this.known = { total: page.total, newest: page.items[0] ?? null };
    this.countedAt = at.getTime();
    this.countedFor = signal;
  }

  private condition(total: number, newest: DeadLetter | null): AlertCondition {
    const latest = newest ? ` (newest: order ${newest.orderId} of run ${newest.runId}, ${newest.priority}: ${newest.reason})` : '';
    return {
      key: 'dead-letters',
      kind: this.kind,
      severity: 'warning',
      message: `${total} orders are in the dead letters, waiting for a retry${latest}`,
      runId: newest?.runId ?? null,
      lane: null,
      details: { count: total, thresholdCount: this.atLeast, newestOrderId: newest?.orderId ?? null, newestReason: newest?.reason ?? null },
    };
  }
}
