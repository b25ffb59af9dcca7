/** Who sent a control request: the key holder as AccessPolicy saw it, never the key itself. */
export interface AuditClient {
  /** The peer address (`req.ip`: the socket's, or the proxy's client when Express trusts the proxy). */
  address: string | null;
  /** `write` (API_KEY), `read` (READ_API_KEY), `none` (no key sent) or `unknown` (a key that is neither). */
  keyHolder: 'write' | 'read' | 'none' | 'unknown';
  /** A keyed, truncated hash of the key sent (KeyFingerprints): tells keys apart, cannot give a key back. */
  keyFingerprint: string | null;
  userAgent: string | null;
}

/** How the request ended. */
export interface AuditOutcome {
  status: number;
  /** The error's stable `code` (`RUN_ALREADY_ACTIVE`, `UNAUTHORIZED`, …); null when it succeeded. */
  code: string | null;
  message: string | null;
  durationMs: number;
}

/** One control request, whatever became of it. */
export interface AuditEntry {
  /** When the request arrived. */
  at: Date;
  /** `generate`, `queue.pause`, `events.reset`, `queue-board`, … (the route's path, read as a name). */
  action: string;
  method: string;
  path: string;
  /** Query, body and route parameters, bounded in size. */
  params: Record<string, unknown>;
  /** The run the action named, started or acted on: from its answer or parameters, else the run active then. */
  runId: string | null;
  outcome: AuditOutcome;
  /** The answer's body when it succeeded, bounded in size. */
  result: unknown;
  client: AuditClient;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}
