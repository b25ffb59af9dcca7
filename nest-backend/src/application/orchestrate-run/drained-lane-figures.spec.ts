import { DrainedLaneFigures } from './drained-lane-figures';
import { aRun, orchestratorPorts } from './orchestrate-run.fixtures';

describe('DrainedLaneFigures', () => {
  const run = aRun({ phase: 'WAITING_VIP_DRAIN', generated: 100, vipGenerated: 30, normalGenerated: 70 });

  it('takes the live counters as they are when they account for every order of the drained lane', async () => {
    const ports = orchestratorPorts(run);
    ports.counters.set('run-1', { vipProcessed: 28, failed: 2, vipStart: 1_000, vipEnd: 2_000 });
    const tally = jest.spyOn(ports.orders, 'tally');
    const figures = await new DrainedLaneFigures(ports.orders, ports.counters).reconcile(run, 'VIP', await ports.counters.read('run-1'));

    expect(tally).not.toHaveBeenCalled();
    expect(figures).toMatchObject({ failed: 2, processing: { vip: { count: 28, start: new Date(1_000), end: new Date(2_000) } } });
  });

  it('recounts the orders and corrects the counters when a counter lags', async () => {
    const ports = orchestratorPorts(run);
    ports.orders.add('run-1', 'VIP', 0, 29, 10, 'processado');
    ports.orders.add('run-1', 'VIP', 29, 1, 10, 'falhou');
    ports.counters.set('run-1', { vipProcessed: 20, vipStart: 1_000 });
    const figures = await new DrainedLaneFigures(ports.orders, ports.counters).reconcile(run, 'VIP', await ports.counters.read('run-1'));

    expect(figures).toMatchObject({ failed: 1, processing: { vip: { count: 29, start: new Date(1_000) } } });
    expect(await ports.counters.read('run-1')).toMatchObject({ vipProcessed: 29, failed: 1, vipStart: 1_000 });
  });
});
