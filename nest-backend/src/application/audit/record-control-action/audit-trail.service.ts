import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AuditClient, AuditEntry } from '../../../domain/audit/audit-entry';
import { AuditLog } from '../../../domain/ports/audit-log.port';
import { RunSlot } from '../../../domain/ports/run-slot.port';
import { AuditSettings } from '../audit-settings';
import { boundedForAudit } from './bounded-value';
import { KeyFingerprints } from './key-fingerprints';

/** Redis commands wait for a reconnect; the entry is stored without what Redis could not tell by then. */
const LOOKUP_TIMEOUT_MS = 2_000;
const SHUTDOWN_WAIT_MS = 5_000;

/** A control request as the HTTP layer saw it, with the key it carried (which is never stored). */
export interface ControlRequest extends Omit<AuditEntry, 'client' | 'runId'> {
  client: Omit<AuditClient, 'keyFingerprint'> & { presentedKey: string | null };
  /** The run it named (answer or parameters), if any. */
  runId: string | null;
  /** Whether an action that names no run is put down to the run active at the time (order controls are; event intake's are not). */
  concernsActiveRun: boolean;
}

/**
 * Writes the audit log: one entry per control request, after its answer, whatever the outcome. `record` never
 * rejects and nobody waits for it: a write that fails is logged with the whole entry (so it is not lost from
 * sight), and the action it describes has already answered.
 *
 * The size is checked at a process's first write and then once every 5 % of AUDIT_MAX_ENTRIES writes (a count,
 * and when trimming a sorted read and a delete, each reading every entry on FerretDB); each check trims to 5 %
 * below the cap, so with the writes until the next check one API process keeps at most AUDIT_MAX_ENTRIES
 * (N processes at most N − 1 steps more).
 */
@Injectable()
export class AuditTrail implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly pending = new Set<Promise<void>>();
  /** Writes since this process last checked the size; null until its first write, which checks. */
  private writesSinceCheck: number | null = null;

  constructor(
    private readonly log: AuditLog,
    private readonly fingerprints: KeyFingerprints,
    private readonly slot: RunSlot,
    private readonly settings: AuditSettings,
  ) {}

  record(request: ControlRequest): Promise<void> {
    const written = this.write(request).finally(() => this.pending.delete(written));
    this.pending.add(written);
    return written;
  }

  /** The entries of the last answers are written before the connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.pending.size === 0) return;
    await within(SHUTDOWN_WAIT_MS, Promise.allSettled([...this.pending])).catch(() =>
      this.logger.warn(`audit: ${this.pending.size} entries still being written at shutdown`),
    );
  }

  private async write(request: ControlRequest): Promise<void> {
    const entry = await this.entryOf(request);
    try {
      await this.log.append(entry);
    } catch (error) {
      this.logger.error(`audit entry not stored (${(error as Error).message}): ${JSON.stringify(entry)}`);
      return;
    }
    const max = this.settings.maxEntries;
    const step = trimStep(max);
    if (this.writesSinceCheck !== null && ++this.writesSinceCheck < step) return;
    this.writesSinceCheck = 0;
    await this.log.trimTo(max - step).catch((error: Error) => this.logger.warn(`audit log not trimmed: ${error.message}`));
  }

  private async entryOf({ client, concernsActiveRun, ...request }: ControlRequest): Promise<AuditEntry> {
    const { presentedKey, ...seen } = client;
    const [keyFingerprint, runId] = await Promise.all([
      presentedKey === null ? null : within(LOOKUP_TIMEOUT_MS, this.fingerprints.of(presentedKey)).catch(() => this.unknown('key fingerprint')),
      request.runId ?? (concernsActiveRun ? within(LOOKUP_TIMEOUT_MS, this.slot.holder()).catch(() => this.unknown('active run')) : null),
    ]);
    return {
      ...request,
      runId,
      params: boundedForAudit(request.params) as Record<string, unknown>,
      result: request.result === undefined ? null : boundedForAudit(request.result),
      client: { ...seen, keyFingerprint },
    };
  }

  private unknown(what: string): null {
    this.logger.warn(`audit: the ${what} could not be read; the entry is stored without it`);
    return null;
  }
}

/** How far below the cap a trim goes, and how many writes apart the checks are: 5 % of it (100 of the default 2,000). */
export function trimStep(maxEntries: number): number {
  return Math.floor(maxEntries / 20);
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
