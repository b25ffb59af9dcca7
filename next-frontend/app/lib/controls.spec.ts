import { describe, expect, it } from 'vitest';
import { ACTIVE_PHASES, PHASES, type Phase } from '@pedidos/contract';
import { allowedActions, parseQuantity } from './controls';

const enabled = (phase: Phase, awaitingProcess = false, queuePaused?: boolean) =>
  Object.entries(allowedActions({ phase, awaitingProcess, queuePaused }))
    .filter(([, on]) => on)
    .map(([action]) => action)
    .sort();

describe('allowedActions', () => {
  it.each(['IDLE', 'DONE', 'ABORTED', 'ERROR'] as Phase[])('without an active run (%s) allows generate, reset and clean only', (phase) => {
    expect(enabled(phase, false, false)).toEqual(['clean', 'generate', 'reset']);
  });

  it.each(ACTIVE_PHASES)('during %s allows cancel, pause and resume but never generate or reset', (phase) => {
    const actions = enabled(phase);
    expect(actions).toEqual(expect.arrayContaining(['cancel', 'pause', 'resume']));
    expect(actions).not.toContain('generate');
    expect(actions).not.toContain('reset');
  });

  it('allows process only for a two-step run waiting in GENERATING', () => {
    for (const phase of PHASES) {
      expect(allowedActions({ phase, awaitingProcess: true }).process).toBe(phase === 'GENERATING');
      expect(allowedActions({ phase, awaitingProcess: false }).process).toBe(false);
    }
  });

  it('offers pause or resume according to the queue when its state is known', () => {
    expect(enabled('WAITING_VIP_DRAIN', false, false)).toEqual(['cancel', 'clean', 'pause']);
    expect(enabled('WAITING_VIP_DRAIN', false, true)).toEqual(['cancel', 'clean', 'resume']);
  });

  it('lets a queue left paused after its run ended be resumed', () => {
    expect(allowedActions({ phase: 'ABORTED', awaitingProcess: false, queuePaused: true }).resume).toBe(true);
    expect(allowedActions({ phase: 'ABORTED', awaitingProcess: false, queuePaused: true }).pause).toBe(false);
  });

  it('enables nothing run-related before the first snapshot says there is no active run', () => {
    // A missing phase is treated as "no active run" by the rules; the panel itself also waits for data.
    expect(allowedActions({ phase: undefined, awaitingProcess: undefined }).cancel).toBe(false);
  });
});

describe('parseQuantity', () => {
  it('accepts grouping typed in either language', () => {
    expect(parseQuantity('1.000.000')).toBe(1_000_000);
    expect(parseQuantity('1,000,000')).toBe(1_000_000);
    expect(parseQuantity(' 3 000 ')).toBe(3000);
    expect(parseQuantity('3000')).toBe(3000);
  });

  it('rejects zero, negatives, decimals and text', () => {
    for (const bad of ['0', '-5', '1e6', 'abc', '', '12a']) expect(parseQuantity(bad)).toBeNull();
  });
});
