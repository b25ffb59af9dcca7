import { describe, expect, it } from 'vitest';
import { approximateDuration, estimateRun, serverName } from './run-estimate';

describe('serverName', () => {
  it('names the server with its major.minor version', () => {
    expect(serverName({ kind: 'ferretdb', version: '1.24.2' })).toBe('FerretDB 1.24');
    expect(serverName({ kind: 'mongodb', version: '7.0.14' })).toBe('MongoDB 7.0');
    expect(serverName({ kind: 'ferretdb', version: null })).toBe('FerretDB');
  });
});

describe('estimateRun', () => {
  it('divides the quantity by the measured rate', () => {
    const profile = { server: { kind: 'ferretdb' as const, version: '1.24.2' }, processingRate: { ordersPerSecond: 2_000, runs: 3, orders: 300_000 } };
    expect(estimateRun(1_000_000, profile)).toEqual({ ms: 500_000, server: 'FerretDB 1.24', ferretdb: true });
  });

  it('has no duration before a run was measured', () => {
    expect(estimateRun(1_000, { server: { kind: 'mongodb', version: '7.0.14' }, processingRate: null })).toEqual({ ms: null, server: 'MongoDB 7.0', ferretdb: false });
  });
});

describe('approximateDuration', () => {
  it('rounds to seconds, minutes, or hours and minutes', () => {
    expect(approximateDuration(400)).toBe('1 s');
    expect(approximateDuration(42_400)).toBe('42 s');
    expect(approximateDuration(7 * 60_000 + 20_000)).toBe('7 min');
    expect(approximateDuration(125 * 60_000)).toBe('2 h 05 min');
  });
});
