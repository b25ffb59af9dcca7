import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from '../support/exactly-once';
import { useFaultSuite } from '../support/fault-suite';

const RUN_SIZE = 4_000;
// Longer than the driver's server selection timeout (10 s): every write issued during the outage fails
// rather than waits, so both the jobs and the driver's step surely see an error and retry.
const OUTAGE_MS = 11_000;
const MAX_ATTEMPTS = 6;
const RETRY_BACKOFF_MS = 300;
const MAX_SAMPLES = 3_000;

interface JobSeen {
  id: string;
  attemptsMade: number;
  failedReason: string | null;
  state: string;
}

/**
 * The MongoDB-compatible server (a FerretDB of the test's own) is killed while the run generates
 * orders and VIP jobs are being processed, and started again on the same port 11 seconds later.
 * The jobs that were writing fail and go back to the queue with backoff; the driver's step that was
 * writing fails and is retried; the run ends DONE with nothing lost and nothing done twice.
 */
describe('fault: the database server stops for a few seconds in the middle of a run', () => {
  const suite = useFaultSuite({
    suite: 'fault_db',
    settings: {
      GENERATION_CHUNK_SIZE: '250',
      ORDERS_PER_JOB: '50',
      // Few connections: this FerretDB shares PostgreSQL (max_connections 100 by default) with the suite's own.
      ORDERS_QUEUE_CONCURRENCY: '5',
      MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      RETRY_BACKOFF_MS: String(RETRY_BACKOFF_MS),
      BACKEND_LOGS: 'true',
    },
    ownDatabase: 'pedidos_faults_test',
  });

  /** Samples the queue (a Redis-only read, so it answers while the database is down) for jobs that failed an attempt. */
  const watchRetries = () => {
    const retried = new Map<string, JobSeen>();
    let stopped = false;
    const sampling = (async () => {
      for (let sample = 0; !stopped && sample < MAX_SAMPLES; sample++) {
        const { status, body } = await suite.http.get('/pedidos/queue/jobs?types=waiting,active,delayed,failed&start=0&end=499').catch(() => ({ status: 0, body: null }));
        if (status === 200) for (const job of body.jobs as JobSeen[]) if (job.attemptsMade > 0) retried.set(job.id, job);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return {
      retried,
      stop: async () => {
        stopped = true;
        await sampling;
      },
    };
  };

  it('fails and retries the jobs and steps that hit the outage, then ends DONE with every order processed exactly once', async () => {
    const { db, ferret, http } = suite;
    const runId = await suite.startRun(RUN_SIZE);
    const retries = watchRetries();

    try {
      const seen = await waitForStatus(http, (s) => s.phase === 'GENERATING' && s.counts.vip >= 50 && s.progress.generated <= RUN_SIZE - 1_000, 120_000, 'generation with VIP processing under way', 50);
      expect(seen.progress.generated).toBeLessThan(RUN_SIZE);
      const stop = await ferret!.stop('SIGKILL');
      expect(stop.timedOut).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await ferret!.start();

      const final = await waitForRunEnd(http, 180_000);
      expect(final.phase).toBe('DONE');
      expect(final.lastRunId).toBe(runId);
      const orders = await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
      expect(final.counts).toEqual({ vip: orders.vipProcessed, normal: orders.normalProcessed, failed: 0, cancelled: 0 });
      expect(final.progress).toMatchObject({ target: RUN_SIZE, generated: RUN_SIZE, processedTotal: RUN_SIZE });
    } finally {
      await retries.stop();
    }

    // Jobs failed during the outage and were tried again (none ran out of attempts: nothing failed for good).
    const retried = [...retries.retried.values()];
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((job) => job.attemptsMade < MAX_ATTEMPTS)).toBe(true);
    expect((await http.get('/pedidos/queue/status')).body.totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    // The driver's step that was writing when the server went away failed and was retried.
    const { lines } = (await http.get('/pedidos/logs?lines=1000')).body as { lines: Array<{ message: string }> };
    expect(lines.some((line) => /retrying in \d+ ms/.test(line.message))).toBe(true);
  });
});
