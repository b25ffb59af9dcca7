/** Paces progress log lines: at most one per `everyMs`, and none while the figure has not moved since the last one. */
export class ProgressThrottle {
  private lastAt: number;
  private lastValue = -1;

  /** `startedAt`: when the paced work began (the first line is due one interval after it). */
  constructor(
    private readonly everyMs: number,
    startedAt = Date.now(),
  ) {
    this.lastAt = startedAt;
  }

  /** Whether to log `value` now; a true answer counts as logged. */
  due(value: number, now = Date.now()): boolean {
    if (value === this.lastValue || now - this.lastAt < this.everyMs) return false;
    this.lastAt = now;
    this.lastValue = value;
    return true;
  }
}
