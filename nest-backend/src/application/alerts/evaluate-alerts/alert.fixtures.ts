import { Alert, AlertChange } from '../../../domain/alerts/alert';
import { AlertOpening, AlertStore } from '../../../domain/alerts/ports/alert-store.port';
import { EvaluatorLease } from '../../../domain/alerts/ports/evaluator-lease.port';

/** The store's contract in memory (open at most once per key, clear only the open one); `reachable = false` makes every call fail. */
export class MemoryAlertStore extends AlertStore {
  readonly openByKey = new Map<string, Alert>();
  readonly recent: Alert[] = [];
  private readonly clearedIds = new Set<string>();
  reachable = true;

  async open(alert: Alert): Promise<AlertOpening> {
    this.check();
    const held = this.openByKey.get(alert.key);
    if (held) return { opened: false, current: held };
    this.openByKey.set(alert.key, alert);
    return { opened: true, current: alert };
  }

  async clear(alert: Alert): Promise<boolean> {
    this.check();
    const held = this.openByKey.get(alert.key);
    if (this.clearedIds.has(alert.id) || (held && held.id !== alert.id)) return false;
    this.openByKey.delete(alert.key);
    this.clearedIds.add(alert.id);
    this.recent.unshift(alert);
    return true;
  }

  async listOpen(): Promise<Alert[]> {
    this.check();
    return [...this.openByKey.values()];
  }

  async listRecent(limit: number): Promise<Alert[]> {
    this.check();
    return this.recent.slice(0, limit);
  }

  private check(): void {
    if (!this.reachable) throw new Error('store unreachable');
  }
}

/** One lease shared by the evaluators of a test, as Redis would hold it. */
export class SharedLease {
  holder: string | null = null;
  reachable = true;

  for(owner: string): EvaluatorLease {
    const shared = this;
    return new (class extends EvaluatorLease {
      async claim(): Promise<boolean> {
        if (!shared.reachable) throw new Error('lease unreachable');
        shared.holder ??= owner;
        return shared.holder === owner;
      }
      async release(): Promise<void> {
        if (shared.holder === owner) shared.holder = null;
      }
    })();
  }
}

/** What a dispatcher was told, as `state key` lines. */
export function told(changes: AlertChange[]): string[] {
  return changes.map((change) => `${change.state} ${change.alert.key}`);
}
