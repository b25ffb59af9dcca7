/** A wait that does not keep the process alive on its own (a shutdown does not wait for a poll's timer). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
