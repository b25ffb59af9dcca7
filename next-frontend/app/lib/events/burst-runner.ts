import { BURST_MAX_IN_FLIGHT, BURST_MAX_REQUEST, planBurst, splitIntoRequests, type BurstSettings } from './burst-plan';

export type BurstState = 'running' | 'done' | 'cancelled' | 'failed';

export interface BurstProgress {
  state: BurstState;
  count: number;
  rate: number;
  /** Events the backend answered 202 for. */
  accepted: number;
  /** Events in requests that were refused or got no answer. */
  failed: number;
  /** Events sent and not answered yet. */
  inFlight: number;
  elapsedMs: number;
  /** The first refusal's message (the API's own), when there was one. */
  error: string | null;
}

export interface BurstDeps {
  /** Sends events `first`…`first + size - 1`; resolves with the number the backend accepted. */
  send: (first: number, size: number) => Promise<number>;
  onProgress: (progress: BurstProgress) => void;
  signal: AbortSignal;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  maxInFlight?: number;
  maxRequest?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a burst paced by its plan: each tick leaves at its time from the start (timer drift does not
 * add up), split into requests of at most `maxRequest` events, with at most `maxInFlight` requests
 * open. The first failed request stops the burst (the next ones would meet the same refusal);
 * `signal` cancels it. Requests already sent are always waited for, so the figures are final.
 */
export async function runBurst(settings: BurstSettings, deps: BurstDeps): Promise<BurstProgress> {
  const { send, onProgress, signal, now = () => performance.now(), sleep = realSleep } = deps;
  const maxInFlight = deps.maxInFlight ?? BURST_MAX_IN_FLIGHT;
  const maxRequest = deps.maxRequest ?? BURST_MAX_REQUEST;
  const started = now();
  const progress: BurstProgress = { ...settings, state: 'running', accepted: 0, failed: 0, inFlight: 0, elapsedMs: 0, error: null };
  const report = () => onProgress({ ...progress, elapsedMs: now() - started });
  const open = new Set<Promise<void>>();
  let next = 0;

  const sendOne = (first: number, size: number) => {
    progress.inFlight += size;
    const request = send(first, size).then(
      (accepted) => {
        progress.accepted += accepted;
      },
      (error: unknown) => {
        progress.failed += size;
        progress.error ??= error instanceof Error ? error.message : String(error);
        if (progress.state === 'running') progress.state = 'failed';
      },
    );
    const tracked = request.finally(() => {
      progress.inFlight -= size;
      open.delete(tracked);
      report();
    });
    open.add(tracked);
  };

  report();
  plan: for (const tick of planBurst(settings)) {
    const wait = started + tick.atMs - now();
    if (wait > 0) await sleep(wait);
    for (const size of splitIntoRequests(tick.size, maxRequest)) {
      while (open.size >= maxInFlight && progress.state === 'running' && !signal.aborted) await Promise.race(open);
      if (signal.aborted && progress.state === 'running') progress.state = 'cancelled';
      if (progress.state !== 'running') break plan;
      sendOne(next, size);
      next += size;
    }
    report();
  }
  await Promise.all(open);
  if (progress.state === 'running') progress.state = signal.aborted && next < settings.count ? 'cancelled' : 'done';
  const final = { ...progress, elapsedMs: now() - started };
  onProgress(final);
  return final;
}
