import { Injectable } from '@nestjs/common';
import { DriverLease } from '../../domain/ports/run-slot.port';

/** How long a driver's lease lasts unrenewed: a process that died lets go of its run this long after its last renewal. */
export const LEASE_TTL_MS = 10_000;
/** Renewed three times per lease: two renewals in a row may fail (a Redis hiccup) before the lease lapses. */
const RENEW_EVERY_MS = LEASE_TTL_MS / 3;

/**
 * The lease that makes one process drive a run. While a run is driven it is renewed in the background;
 * a renewal that fails is tried again at the next tick, and one that finds the lease taken reports it lost.
 */
@Injectable()
export class LeaseKeeper {
  constructor(private readonly lease: DriverLease) {}

  acquire(runId: string): Promise<boolean> {
    return this.lease.acquire(runId, LEASE_TTL_MS);
  }

  /** Renews the lease until the returned function is called; `onLost` runs when another process holds it or it lapsed. */
  keepRenewing(runId: string, onLost: () => void): () => void {
    const timer = setInterval(() => {
      this.lease.renew(runId, LEASE_TTL_MS).then(
        (held) => held || onLost(),
        () => undefined,
      );
    }, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }

  /** Lets go of the lease; a failure is ignored, the lease then lapses on its own. */
  release(runId: string): Promise<void> {
    return this.lease.release(runId).catch(() => undefined);
  }

  /** True while some process (this one or another) holds the lease. */
  isHeld(runId: string): Promise<boolean> {
    return this.lease.isHeld(runId);
  }
}
