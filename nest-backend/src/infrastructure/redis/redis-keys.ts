import { RedisAddress } from './redis-address';

/**
 * Every Redis key and channel the pipeline uses (Bull's own keys live under `<prefix>-bull`). On a Redis
 * Cluster the prefix is a hash tag (`{pedidos}`), so every key (Bull's included) lives in one hash slot:
 * Bull's scripts and MULTIs touch several keys of a queue, which a cluster allows only within one slot.
 */
export class RedisKeys {
  /** The prefix as it starts every key: `pedidos`, or `{pedidos}` on a cluster. */
  readonly prefix: string;

  constructor(prefix: string, hashTagged = false) {
    this.prefix = hashTagged ? `{${prefix}}` : prefix;
  }

  /** The keys for `KEY_PREFIX` on the Redis that `address` names (hash-tagged on a cluster). */
  static for(prefix: string, address: RedisAddress): RedisKeys {
    return new RedisKeys(prefix, address.kind === 'cluster');
  }

  get activeRun(): string {
    return `${this.prefix}:active-run`;
  }

  get logs(): string {
    return `${this.prefix}:logs`;
  }

  get events(): string {
    return `${this.prefix}:events`;
  }

  /** A copy of the latest run, for status reads (see RedisLatestRun). */
  get latestRun(): string {
    return `${this.prefix}:latest-run`;
  }

  get bullPrefix(): string {
    return `${this.prefix}-bull`;
  }

  counters(runId: string): string {
    return `${this.prefix}:run:${runId}:counters`;
  }

  get countersPattern(): string {
    return `${this.prefix}:run:*:counters`;
  }

  driver(runId: string): string {
    return `${this.prefix}:run:${runId}:driver`;
  }

  /** Event intake metrics (see RedisEventMetricsStore): counters, per-second timeline, batch sample, recent batches, current batches. */
  eventMetrics(part: 'counters' | 'timeline' | 'sample' | 'recent' | 'current'): string {
    return `${this.prefix}:event-metrics:${part}`;
  }

  /** Marks one metrics call as counted (RedisEventMetricsStore), so a resent call counts nothing. */
  eventMetricsCall(callId: string): string {
    return `${this.prefix}:event-metrics:call:${callId}`;
  }

  /** The secret audit key fingerprints are keyed with (RedisFingerprintSecret). */
  get auditFingerprintSecret(): string {
    return `${this.prefix}:audit:fingerprint-secret`;
  }

  /** Alerts (see RedisAlertStore): the open ones by key, the last cleared ones, cleared ids, the evaluator's lease, and the channel of changes. */
  alerts(part: 'open' | 'recent' | 'evaluator' | 'changes'): string {
    return `${this.prefix}:alerts:${part}`;
  }

  alertCleared(alertId: string): string {
    return `${this.prefix}:alerts:cleared:${alertId}`;
  }

  /** Held while a process writes the run's record (see MirroredRunStore). */
  runWrites(runId: string): string {
    return `${this.prefix}:run:${runId}:writes`;
  }
}

