import { Alert, AlertChange, AlertCondition, AlertKind, clearedAlert, openAlert } from '../../../domain/alerts/alert';
import { AlertStore } from '../../../domain/alerts/ports/alert-store.port';
import { within } from '../within';

const STORE_TIMEOUT_MS = 2_000;

/**
 * The evaluating process's view of the open alerts, kept in step with the shared store. A condition is told
 * (dispatched) once when it opens and once when it clears: the store opens a key only if it is not open yet,
 * so two evaluators never both announce one condition. While the store cannot be reached the ledger decides
 * alone, announces anyway, and writes what it decided once the store answers again, in order.
 */
export class AlertLedger {
  private readonly open = new Map<string, Alert>();
  private readonly unsynced: AlertChange[] = [];

  constructor(
    private readonly store: AlertStore,
    private readonly dispatch: (change: AlertChange) => void,
    private readonly newId: () => string,
  ) {}

  /** Takes over the alerts already open in the store (opened by an earlier evaluator); false when the store did not answer. */
  async load(): Promise<boolean> {
    try {
      for (const alert of await within(this.store.listOpen(), STORE_TIMEOUT_MS, 'reading open alerts')) this.open.set(alert.key, alert);
      return true;
    } catch {
      return false;
    }
  }

  /** Opens what holds and is not open, clears what is open and no longer holds; `null` (the rule could not tell) changes nothing. */
  async apply(kind: AlertKind, conditions: AlertCondition[] | null, at: Date): Promise<void> {
    if (conditions === null) return;
    const holding = new Set(conditions.map((condition) => condition.key));
    for (const alert of [...this.open.values()]) if (alert.kind === kind && !holding.has(alert.key)) await this.clear(alert, at);
    for (const condition of conditions) if (!this.open.has(condition.key)) await this.raise(condition, at);
  }

  /** Writes the changes decided while the store was unreachable; stops at the first that fails and tries again next time. */
  async sync(): Promise<void> {
    while (this.unsynced.length > 0) {
      const change = this.unsynced[0];
      try {
        const write: Promise<unknown> = change.state === 'open' ? this.store.open(change.alert) : this.store.clear(change.alert);
        await within(write, STORE_TIMEOUT_MS, 'writing an alert');
      } catch {
        return;
      }
      this.unsynced.shift();
    }
  }

  openAlerts(): Alert[] {
    return [...this.open.values()];
  }

  private async raise(condition: AlertCondition, at: Date): Promise<void> {
    const alert = openAlert(condition, this.newId(), at);
    if (this.unsynced.length === 0) {
      try {
        const { opened, current } = await within(this.store.open(alert), STORE_TIMEOUT_MS, 'opening an alert');
        if (!opened) {
          // Already open (announced by whoever opened it): take it over silently.
          if (current) this.open.set(current.key, current);
          return;
        }
        this.open.set(alert.key, alert);
        this.dispatch({ state: 'open', alert });
        return;
      } catch {
        // The store is unreachable: decide alone (below).
      }
    }
    this.open.set(alert.key, alert);
    this.unsynced.push({ state: 'open', alert });
    this.dispatch({ state: 'open', alert });
  }

  private async clear(alert: Alert, at: Date): Promise<void> {
    const cleared = clearedAlert(alert, at);
    this.open.delete(alert.key);
    if (this.unsynced.length === 0) {
      try {
        if (await within(this.store.clear(cleared), STORE_TIMEOUT_MS, 'clearing an alert')) this.dispatch({ state: 'cleared', alert: cleared });
        return;
      } catch {
        // As when opening.
      }
    }
    this.unsynced.push({ state: 'cleared', alert: cleared });
    this.dispatch({ state: 'cleared', alert: cleared });
  }
}
