import { ACTIVE_PHASES } from '@pedidos/contract';
import { expect } from '@playwright/test';
import type { Stack } from './stack';

const ENDED = ['DONE', 'ERROR', 'ABORTED'];

/** Cancels the active run, if any, with its pending orders. */
export async function endActiveRun(stack: Stack): Promise<void> {
  const { body } = await stack.api('/pedidos');
  if (ACTIVE_PHASES.includes(body?.phase)) await stack.api('/pedidos/cancel?purge=true&removePending=true', { method: 'POST' });
}

/** Waits until the run has ended, and returns how (DONE, ERROR or ABORTED). */
export async function endOf(stack: Stack, runId: string, timeout = 240_000): Promise<string> {
  let phase = '';
  await expect
    .poll(
      async () => {
        const { body } = await stack.api('/pedidos');
        phase = body?.lastRunId === runId ? body.phase : '';
        return ENDED.includes(phase);
      },
      { message: `run ${runId} to end`, timeout, intervals: [500] },
    )
    .toBe(true);
  return phase;
}

/** Starts a run through the API (any active one cancelled first) and returns its id. */
export async function startRun(stack: Stack, quantity: number, autoProcess = true): Promise<string> {
  await endActiveRun(stack);
  const started = await stack.api(`/pedidos/generate?quantity=${quantity}&autoProcess=${autoProcess}`, { method: 'POST' });
  expect(started.status, 'POST /pedidos/generate').toBe(202);
  return started.body.runId;
}

/** A run of `quantity` orders made through the API and processed to DONE; its id. */
export async function finishedRun(stack: Stack, quantity = 3000): Promise<string> {
  const runId = await startRun(stack, quantity);
  expect(await endOf(stack, runId), `run ${runId}`).toBe('DONE');
  return runId;
}

/**
 * A run size that keeps processing for about `seconds` on this machine, from the overall throughput of the last
 * run when there was one (at least 30,000 orders, at most 1,000,000).
 */
export async function runLasting(stack: Stack, seconds = 30): Promise<number> {
  if (process.env.E2E_LARGE_RUN) return Number(process.env.E2E_LARGE_RUN);
  const { body } = await stack.api('/pedidos');
  const rate = body?.phase === 'DONE' ? Number(body.throughput?.overall) : 0;
  return Math.min(1_000_000, Math.max(30_000, rate > 0 ? Math.ceil((rate * seconds) / 1000) * 1000 : 0));
}
