import { SecretKey } from '../secret-key';

/** What a presented key is: the API key, the read key, no key at all, or something else. */
export type KeyHolder = 'write' | 'read' | 'none' | 'unknown';

/** What a request asks to do: look, or change something. */
export type AccessNeed = 'read' | 'control';

export type AccessDecision =
  | { granted: true; role: 'write' | 'read' }
  | { granted: false; status: 401 | 403; reason: string };

export interface AccessKeys {
  /** API_KEY: needed by control requests when set. */
  apiKey?: string;
  /** READ_API_KEY: when set (next to API_KEY), reads need it or API_KEY. */
  readKey?: string;
}

/**
 * The two roles. With API_KEY unset everyone may do everything. With API_KEY set, control requests need it
 * (401 without it or with a wrong key, 403 with the read key); reads stay open unless READ_API_KEY is set too,
 * then they need one of the two keys (401 otherwise). Keys are compared in constant time (SecretKey).
 */
export class AccessPolicy {
  private readonly apiKey: SecretKey | null;
  private readonly readKey: SecretKey | null;

  constructor(keys: AccessKeys) {
    this.apiKey = keys.apiKey ? new SecretKey(keys.apiKey) : null;
    // Environment validation refuses READ_API_KEY without API_KEY; ignoring it here keeps the rule in one place.
    this.readKey = this.apiKey && keys.readKey ? new SecretKey(keys.readKey) : null;
  }

  static fromEnvironment(env: { API_KEY?: string; READ_API_KEY?: string }): AccessPolicy {
    return new AccessPolicy({ apiKey: env.API_KEY, readKey: env.READ_API_KEY });
  }

  get controlsNeedKey(): boolean {
    return this.apiKey !== null;
  }

  get readsNeedKey(): boolean {
    return this.readKey !== null;
  }

  holderOf(presented: unknown): KeyHolder {
    if (typeof presented !== 'string' || presented.length === 0) return 'none';
    if (this.apiKey?.matches(presented)) return 'write';
    if (this.readKey?.matches(presented)) return 'read';
    return 'unknown';
  }

  authorize(need: AccessNeed, presented: unknown, keyName = 'the x-api-key header'): AccessDecision {
    if (this.apiKey === null) return { granted: true, role: 'write' };
    const holder = this.holderOf(presented);
    if (holder === 'write') return { granted: true, role: 'write' };
    if (need === 'read') {
      if (this.readKey === null || holder === 'read') return { granted: true, role: 'read' };
      return holder === 'none'
        ? { granted: false, status: 401, reason: `reads need ${keyName}: the read key or the API key` }
        : { granted: false, status: 401, reason: `${keyName} holds neither the read key nor the API key` };
    }
    if (holder === 'read') return { granted: false, status: 403, reason: 'the read key cannot make control requests; they need the API key' };
    return holder === 'none'
      ? { granted: false, status: 401, reason: `this endpoint needs ${keyName}` }
      : { granted: false, status: 401, reason: `${keyName} does not hold the API key` };
  }
}
