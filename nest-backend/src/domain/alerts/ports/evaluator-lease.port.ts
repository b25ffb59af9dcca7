/** Makes one API process at a time the one that evaluates alerts; the lease lapses when that process dies. */
export abstract class EvaluatorLease {
  /** Takes the lease or renews it if this process holds it; false when another process holds it. Throws when it cannot tell. */
  abstract claim(ttlMs: number): Promise<boolean>;
  abstract release(): Promise<void>;
}
