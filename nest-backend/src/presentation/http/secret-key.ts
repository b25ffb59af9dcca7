import { createHash, timingSafeEqual } from 'node:crypto';

/** A shared secret a header must hold, compared in constant time. */
export class SecretKey {
  private readonly expected: Buffer;

  constructor(value: string) {
    this.expected = digest(value);
  }

  /** Comparing fixed-length digests keeps the time taken independent of where, or whether, the keys differ. */
  matches(presented: unknown): boolean {
    return typeof presented === 'string' && presented.length > 0 && timingSafeEqual(digest(presented), this.expected);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
