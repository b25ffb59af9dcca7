import { describe, expect, it } from 'vitest';
import { runBurst, type BurstProgress } from './burst-runner';

/** A clock that only moves when the runner sleeps, so pacing is checked without waiting. */
function fakeClock() {
  let time = 0;
  return { now: () => time, sleep: async (ms: number) => void (time += ms) };
}

describe('runBurst', () => {
  it('sends every event once, in order, each request at its planned time', async () => {
    const clock = fakeClock();
    const sent: { first: number; size: number; at: number }[] = [];
    const final = await runBurst(
      { count: 1000, rate: 2000 },
      {
        ...clock,
        signal: new AbortController().signal,
        maxRequest: 150,
        onProgress: () => undefined,
        send: async (first, size) => {
          sent.push({ first, size, at: clock.now() });
          return size;
        },
      },
    );
    expect(final).toMatchObject({ state: 'done', accepted: 1000, failed: 0, inFlight: 0, error: null });
    // 200 due per 100 ms tick, split into 150 + 50.
    expect(sent.slice(0, 3)).toEqual([
      { first: 0, size: 150, at: 0 },
      { first: 150, size: 50, at: 0 },
      { first: 200, size: 150, at: 100 },
    ]);
    expect(sent.reduce((sum, request) => sum + request.size, 0)).toBe(1000);
    expect(sent.at(-1)?.at).toBe(400);
  });

  it('never has more than maxInFlight requests open', async () => {
    const clock = fakeClock();
    let open = 0;
    let peak = 0;
    const final = await runBurst(
      { count: 2000, rate: 5000 },
      {
        ...clock,
        signal: new AbortController().signal,
        maxRequest: 100,
        maxInFlight: 3,
        onProgress: () => undefined,
        send: async (_first, size) => {
          open++;
          peak = Math.max(peak, open);
          await new Promise((resolve) => setTimeout(resolve, 1));
          open--;
          return size;
        },
      },
    );
    expect(final.accepted).toBe(2000);
    expect(peak).toBe(3);
  });

  it('stops at the first refusal, waits for the requests in flight and keeps the message', async () => {
    const clock = fakeClock();
    let calls = 0;
    const final = await runBurst(
      { count: 1000, rate: 1000 },
      {
        ...clock,
        signal: new AbortController().signal,
        onProgress: () => undefined,
        send: async (_first, size) => {
          calls++;
          if (calls === 3) throw new Error('too many events');
          return size;
        },
      },
    );
    expect(final).toMatchObject({ state: 'failed', accepted: 200, failed: 100, inFlight: 0, error: 'too many events' });
    expect(calls).toBe(3);
  });

  it('cancels: no request after the abort, and the figures say what was sent', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const seen: BurstProgress[] = [];
    const final = await runBurst(
      { count: 1000, rate: 100 },
      {
        ...clock,
        signal: controller.signal,
        onProgress: (progress) => seen.push(progress),
        send: async (first, size) => {
          if (first >= 40) controller.abort();
          return size;
        },
      },
    );
    expect(final).toMatchObject({ state: 'cancelled', accepted: 50, failed: 0 });
    expect(seen[0]).toMatchObject({ state: 'running', accepted: 0 });
    expect(seen.at(-1)).toEqual(final);
  });
});
