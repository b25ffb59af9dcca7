/** The single slot an active run holds: at most one run at a time, across every process. */
export abstract class RunSlot {
  /** Takes the slot for `runId`; returns the run that holds it when it is taken. */
  abstract claim(runId: string): Promise<string | null>;
  abstract holder(): Promise<string | null>;
  /** Frees the slot if `runId` holds it. */
  abstract release(runId: string): Promise<void>;
  /** Forgets whoever holds the slot (reset). */
  abstract clear(): Promise<void>;
}

/** A lease that makes one process drive a run; it lapses when that process dies. */
export abstract class DriverLease {
  abstract acquire(runId: string, ttlMs: number): Promise<boolean>;
  abstract renew(runId: string, ttlMs: number): Promise<boolean>;
  abstract release(runId: string): Promise<void>;
  /** True while some process (this one or another) holds the lease. */
  abstract isHeld(runId: string): Promise<boolean>;
}
