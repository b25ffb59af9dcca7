import { createHash } from 'node:crypto';
import { FingerprintSecret } from '../../../domain/ports/audit-log.port';
import { FINGERPRINT_HEX_LENGTH, KeyFingerprints, fingerprintOf } from './key-fingerprints';

const SECRET = 'a'.repeat(64);

describe('fingerprintOf', () => {
  it('is 16 hex digits, the same for the same key and secret, different for another key or another secret', () => {
    const key = 'write-key-0123';
    const fingerprint = fingerprintOf(key, SECRET);
    expect(fingerprint).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX_LENGTH}}$`));
    expect(fingerprintOf(key, SECRET)).toBe(fingerprint);
    expect(fingerprintOf('write-key-0124', SECRET)).not.toBe(fingerprint);
    expect(fingerprintOf(key, 'b'.repeat(64))).not.toBe(fingerprint);
  });

  it('holds nothing of the key, and is not its plain hash (a guess cannot be checked without the secret)', () => {
    const key = 'abcdef0123456789';
    const fingerprint = fingerprintOf(key, SECRET);
    expect(fingerprint).not.toContain(key.slice(0, 4));
    expect(createHash('sha256').update(key).digest('hex')).not.toContain(fingerprint);
  });
});

describe('KeyFingerprints', () => {
  class CountingSecret extends FingerprintSecret {
    reads = 0;
    failNext = false;
    async get(): Promise<string> {
      this.reads++;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('Redis is down');
      }
      return SECRET;
    }
  }

  it('reads the secret once, and again after a failed read', async () => {
    const secret = new CountingSecret();
    secret.failNext = true;
    const fingerprints = new KeyFingerprints(secret);
    await expect(fingerprints.of('k1-0123456')).rejects.toThrow('Redis is down');
    expect(await fingerprints.of('k1-0123456')).toBe(fingerprintOf('k1-0123456', SECRET));
    await fingerprints.of('k2-0123456');
    expect(secret.reads).toBe(2);
  });
});
