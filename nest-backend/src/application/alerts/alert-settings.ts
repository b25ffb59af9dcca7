/** Thresholds and delivery of alerts, validated from the environment at boot (see infrastructure/config). A threshold of 0 turns its alert off. */
export class AlertSettings {
  /** How often the evaluating API checks every condition. */
  readonly checkEveryMs: number;
  /** A lane with work and no progress for this long is stalled. */
  readonly stallAfterMs: number;
  /** The first VIP pass of a run must be drained this long after the run started. */
  readonly vipDeadlineMs: number;
  /** Open dead letters (not yet retried) that raise the alert. */
  readonly deadLettersAtLeast: number;
  readonly queueUnreachableAfterMs: number;
  readonly databaseUnreachableAfterMs: number;
  /** Cleared alerts kept for `GET /pedidos/alerts`. */
  readonly recentKept: number;
  /** Whether this process may evaluate (API processes may; one at a time does). */
  readonly evaluate: boolean;
  readonly webhook: { url: string | null; timeoutMs: number; attempts: number; backoffMs: number };

  constructor(settings: AlertSettings) {
    Object.assign(this, settings);
  }
}
