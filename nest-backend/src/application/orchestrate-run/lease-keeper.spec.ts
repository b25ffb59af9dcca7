import { LEASE_TTL_MS, LeaseKeeper } from './lease-keeper';
import { MemoryDriverLease } from './orchestrate-run.fixtures';

/** A lease this process took and keeps renewing; `lost` records whether it was reported lost. */
async function keptLease() {
  const lease = new MemoryDriverLease();
  const keeper = new LeaseKeeper(lease);
  expect(await keeper.acquire('run-1')).toBe(true);
  const lost = jest.fn();
  const stopRenewing = keeper.keepRenewing('run-1', lost);
  return { lease, keeper, lost, stopRenewing };
}

describe('LeaseKeeper', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renews the lease three times per lease time until told to stop', async () => {
    const { lease, lost, stopRenewing } = await keptLease();
    await jest.advanceTimersByTimeAsync(LEASE_TTL_MS);
    expect(lease.renewals).toBe(3);
    stopRenewing();
    await jest.advanceTimersByTimeAsync(LEASE_TTL_MS);
    expect(lease.renewals).toBe(3);
    expect(lost).not.toHaveBeenCalled();
  });

  it('reports the lease lost when another process holds it', async () => {
    const { lease, lost, stopRenewing } = await keptLease();
    lease.held.set('run-1', 'another-process');
    await jest.advanceTimersByTimeAsync(LEASE_TTL_MS / 3);
    expect(lost).toHaveBeenCalled();
    stopRenewing();
  });

  it('tries a renewal that failed again at the next tick, without reporting the lease lost', async () => {
    const { lease, lost, stopRenewing } = await keptLease();
    lease.failRenewals = true;
    await jest.advanceTimersByTimeAsync((2 * LEASE_TTL_MS) / 3);
    lease.failRenewals = false;
    await jest.advanceTimersByTimeAsync(LEASE_TTL_MS / 3);
    expect(lease.renewals).toBe(3);
    expect(lost).not.toHaveBeenCalled();
    stopRenewing();
  });

  it('lets go of the lease, and a release that fails leaves it to lapse', async () => {
    const { lease, keeper, stopRenewing } = await keptLease();
    stopRenewing();
    await keeper.release('run-1');
    expect(await keeper.isHeld('run-1')).toBe(false);
    jest.spyOn(lease, 'release').mockRejectedValue(new Error('redis unreachable'));
    await expect(keeper.release('run-1')).resolves.toBeUndefined();
  });
});
