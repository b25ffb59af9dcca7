import { RunErrorRule } from './run-error.rule';
import { runAt, seen } from './rule.fixtures';

describe('RunErrorRule', () => {
  const rule = new RunErrorRule();

  it('holds while the latest run is in ERROR, with its reason', async () => {
    const [failed] = (await rule.evaluate(seen(1, runAt({ phase: 'ERROR', errorReason: 'run run-1 is active but run x holds the run slot', vip: 700 }))))!;
    expect(failed).toMatchObject({ key: 'run-error:run-1', severity: 'critical', runId: 'run-1', details: { processed: 700, target: 10_000 } });
    expect(failed.message).toBe('run run-1 ended in ERROR: run run-1 is active but run x holds the run slot');
  });

  it('clears when another run is the latest or the runs were reset, and cannot tell without the run', async () => {
    expect(await rule.evaluate(seen(2, runAt({ runId: 'run-2', phase: 'GENERATING' })))).toEqual([]);
    expect(await rule.evaluate(seen(2, null))).toEqual([]);
    expect(await rule.evaluate(seen(2, undefined))).toBeNull();
  });
});
