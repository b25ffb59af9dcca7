import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { FingerprintSecret } from '../../../domain/ports/audit-log.port';

/** 64 bits: enough to tell a deployment's keys apart, too short to be a stand-in for the key anywhere. */
export const FINGERPRINT_HEX_LENGTH = 16;

/**
 * A key's fingerprint: HMAC-SHA-256 of the key under the deployment's secret, truncated. Keyed, so whoever reads
 * the audit log (a read-key holder, say) cannot test guesses of the API key against the fingerprints offline.
 */
export function fingerprintOf(key: string, secret: string): string {
  return createHmac('sha256', secret).update(key, 'utf8').digest('hex').slice(0, FINGERPRINT_HEX_LENGTH);
}

/** Fingerprints under the deployment's secret, read once per process (and again after a failed read). */
@Injectable()
export class KeyFingerprints {
  private secret: Promise<string> | null = null;

  constructor(private readonly source: FingerprintSecret) {}

  async of(key: string): Promise<string> {
    this.secret ??= this.source.get().catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return fingerprintOf(key, await this.secret);
  }
}
