import Redis from 'ioredis';
import { NORMAL_QUEUE } from '../../src/infrastructure/queue/queue-names';
import { RedisKeys } from '../../src/infrastructure/redis/redis-keys';
import { expectProcessedExactlyOnce, waitForRunEnd } from '../support/exactly-once';
import { useFaultSuite } from '../support/fault-suite';

const RUN_SIZE = 4_000;
const STEP_MS = 1;
const MAX_STEPS = 20_000;

interface RunRecord {
  _id: string;
  phase: string;
  normalEnqueued: number;
  normalGenerated: number;
}

/**
 * The one phase restart.e2e-spec.ts does not crash in: ENQUEUE_NORMAL, which lasts a few
 * milliseconds. When the VIP orders start being queued (well before) the API is frozen (SIGSTOP)
 * and then let run about 1 ms at a time until its NORMAL jobs are in Redis,
 * and it is killed there, almost always before the mark that says so is in the database (else right
 * after it, still in ENQUEUE_NORMAL). The API started again queues the same slices a second time:
 * jobs still waiting are deduplicated by id, and jobs re-run must change nothing.
 *
 * (One order per job would give several batches of 1,000 jobs to crash between, but on FerretDB each
 * one-order job scans the run's pending orders: ~100 s for a run. The mark-before-record point is the
 * harder case anyway: a crash between batches only resumes from the recorded mark.)
 */
describe('fault: the API is killed with SIGKILL while it queues the NORMAL orders', () => {
  const suite = useFaultSuite({
    suite: 'fault_api_enqueue',
    settings: { RUN_WORKERS_IN_API: 'false', ORDERS_PER_JOB: '100', GENERATION_CHUNK_SIZE: '1000' },
    worker: true,
    phaseWatch: true,
  });
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(suite.env.REDIS_URL);
  });

  afterAll(() => {
    redis?.disconnect();
  });

  const runRecord = async (runId: string) => (await suite.db.collection<RunRecord>('process_runs').findOne({ _id: runId }))!;
  /** NORMAL jobs waiting or being processed. */
  const queuedNormalJobs = async () => {
    const lane = `${new RedisKeys(suite.env.KEY_PREFIX).bullPrefix}:${NORMAL_QUEUE}`;
    const [waiting, active] = await Promise.all([redis.llen(`${lane}:wait`), redis.llen(`${lane}:active`)]);
    return waiting + active;
  };

  /** Lets the frozen API run STEP_MS at a time until its NORMAL jobs are queued; returns the run as recorded then. */
  const stepUntilNormalJobsQueued = async (runId: string): Promise<{ record: RunRecord; queued: number }> => {
    for (let step = 0; step < MAX_STEPS; step++) {
      const [record, queued] = await Promise.all([runRecord(runId), queuedNormalJobs()]);
      if (queued > 0 || !['ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL'].includes(record.phase)) return { record, queued };
      suite.api.signal('SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      suite.api.signal('SIGSTOP');
    }
    throw new Error(`the API queued no NORMAL job in ${MAX_STEPS} steps`);
  };

  it('queues the NORMAL slices again after the crash and ends DONE with exactly the ordered orders, each processed once', async () => {
    const { api, db, http, watch } = suite;
    const runId = await suite.startRun(RUN_SIZE);

    await watch.reached('ENQUEUE_VIP', 180_000);
    api.signal('SIGSTOP');
    const frozenIn = (await runRecord(runId)).phase;
    expect(['ENQUEUE_VIP', 'WAITING_VIP_DRAIN']).toContain(frozenIn);
    const atCrash = await stepUntilNormalJobsQueued(runId);
    await api.stop('SIGKILL');
    expect(atCrash.record.phase).toBe('ENQUEUE_NORMAL');
    expect([0, atCrash.record.normalGenerated]).toContain(atCrash.record.normalEnqueued);
    expect(atCrash.queued).toBeGreaterThan(0);

    await api.startServing();
    const final = await waitForRunEnd(http, 180_000);
    expect(final.phase).toBe('DONE');
    expect(final.lastRunId).toBe(runId);
    const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
    expect(final.progress).toMatchObject({ target: RUN_SIZE, generated: RUN_SIZE, processedTotal: RUN_SIZE });
    expect((await runRecord(runId)).normalEnqueued).toBe(orders.normalProcessed);
    expect((await http.get('/pedidos/queue/status')).body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(watch.phases).toEqual(['GENERATING', 'ENQUEUE_VIP', 'WAITING_VIP_DRAIN', 'ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN', 'DONE']);
  });
});
