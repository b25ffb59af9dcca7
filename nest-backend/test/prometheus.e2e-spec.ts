import { freePort } from '@pedidos/processes';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Db } from 'mongodb';
import { Environment } from '../src/infrastructure/config/environment';
import { anEvent, postBatch, postEvent, waitForSettled } from './events/event-client';
import { ApiServerProcess, WorkerProcess } from './support/backend-process';
import { expectProcessedExactlyOnce, waitForRunEnd, waitForStatus } from './support/exactly-once';
import { OwnPrometheus, firstFreePort } from './support/own-prometheus';
import { Http, httpClient, openDatabase, waitUntil } from './support/running-api';
import { dropTestData, testEnvironment } from './support/test-environment';

const RUN_SIZE = 4_000;
/** Events sent during the run: one batch and a few singles (which intake groups into jobs of its own). */
const EVENT_BATCH = 150;
const EVENT_SINGLES = 10;
const EVENTS_SENT = EVENT_BATCH + EVENT_SINGLES;
const ORDERS_PER_JOB = 250;
/** One consumer, so the NORMAL lane has work for a few seconds instead of draining between two scrapes. */
const WORKER_CONCURRENCY = 1;
/** Prometheus ports of this branch's range (see the helper brief); the API and worker take free ports. */
const PROMETHEUS_PORTS = [9190, 9199] as const;
const NORMAL_LANE_PHASES = ['ENQUEUE_NORMAL', 'WAITING_NORMAL_DRAIN'];
const laneWork = (priority: 'vip' | 'normal') => `sum(pedidos_queue_jobs{priority="${priority}",state=~"waiting|active|paused"})`;
const DEPLOY = join(__dirname, '..', '..', 'deploy');

/** Every PromQL expression of the Grafana dashboard, with Grafana's own interval variable made concrete. */
function dashboardQueries(): Array<{ panel: string; expr: string }> {
  const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana', 'dashboards', 'pedidos.json'), 'utf8')) as {
    panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
  };
  return dashboard.panels.flatMap((panel) => (panel.targets ?? []).map(({ expr }) => ({ panel: panel.title, expr: expr.replace(/\$__rate_interval/g, '1m') })));
}

/**
 * A real Prometheus scrapes the built API and a worker process (its METRICS_PORT) every second during a
 * run; what it stored is read back through its HTTP API. The worker consumes alone
 * (RUN_WORKERS_IN_API=false), so its counters must hold every order and the API's none.
 */
describe('metrics scraped by a real Prometheus during a run', () => {
  let env: Environment;
  let db: Db;
  let closeDb: () => Promise<void>;
  let api: ApiServerProcess;
  let worker: WorkerProcess;
  let prometheus: OwnPrometheus;
  let http: Http;
  let runId: string;

  beforeAll(async () => {
    const [apiPort, workerMetricsPort] = [await freePort(), await freePort()];
    env = testEnvironment('prometheus', { RUN_WORKERS_IN_API: 'false', ORDERS_PER_JOB: String(ORDERS_PER_JOB), GENERATION_CHUNK_SIZE: '1000', ORDERS_QUEUE_CONCURRENCY: String(WORKER_CONCURRENCY), METRICS_PORT: String(workerMetricsPort) });
    ({ db, close: closeDb } = await openDatabase(env));
    api = new ApiServerProcess(env, apiPort);
    worker = new WorkerProcess(env);
    http = httpClient(() => api.url);
    prometheus = new OwnPrometheus(await firstFreePort(...PROMETHEUS_PORTS), {
      'pedidos-api': [`127.0.0.1:${apiPort}`],
      'pedidos-worker': [`127.0.0.1:${workerMetricsPort}`],
    });
    await Promise.all([api.startServing(), worker.startConsuming(), prometheus.start()]);
    await waitUntil(async () => (await prometheus.query('up == 1')).length === 2, 30_000, 'Prometheus to scrape both targets');
  });

  afterAll(async () => {
    await prometheus?.destroy();
    await worker?.stop('SIGTERM');
    await api?.stop('SIGTERM');
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  /** Waits until Prometheus has scraped a value of `expression` that satisfies `ok`, and returns it. */
  const eventually = (expression: string, ok: (value: number) => boolean, what = expression) =>
    waitUntil(
      async () => {
        const value = await prometheus.value(expression);
        return value !== null && ok(value) ? { value } : null;
      },
      30_000,
      `Prometheus to see ${what}`,
    ).then((found) => found!.value);

  /** With the queue paused the run stays in `phase` with its lane's jobs queued: wait for a scrape to see both. */
  const holdUntilScraped = async (phase: string, priority: 'vip' | 'normal') => {
    await eventually(`pedidos_run_phase{phase="${phase}"}`, (value) => value === 1, `the run in ${phase}`);
    await eventually(laneWork(priority), (value) => value > 0, `work in the ${priority} lane`);
  };

  it(`runs ${RUN_SIZE} orders to DONE while both processes are scraped`, async () => {
    // Jobs are quick: each lane is held (queue paused) once it has work, until a scrape has seen that work.
    expect((await http.post('/pedidos/queue/pause')).status).toBe(200);
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    runId = started.body.runId;
    expect((await postBatch(api.url, Array.from({ length: EVENT_BATCH }, () => anEvent()))).status).toBe(202);
    const singles = await Promise.all(Array.from({ length: EVENT_SINGLES }, () => postEvent(api.url, anEvent())));
    expect(singles.map((answer) => answer.status)).toEqual(Array(EVENT_SINGLES).fill(202));
    await holdUntilScraped('WAITING_VIP_DRAIN', 'vip');
    expect((await http.post('/pedidos/queue/resume')).status).toBe(200);
    await waitForStatus(http, (s) => s.lastRunId === runId && NORMAL_LANE_PHASES.includes(s.phase) && s.counts.normal < s.progress.normalTarget, 120_000, 'NORMAL orders enqueued', 20);
    expect((await http.post('/pedidos/queue/pause')).status).toBe(200);
    await holdUntilScraped('WAITING_NORMAL_DRAIN', 'normal');
    expect((await http.post('/pedidos/queue/resume')).status).toBe(200);
    const final = await waitForRunEnd(http, 180_000);
    expect(final.phase).toBe('DONE');
    await expectProcessedExactlyOnce(db, runId, RUN_SIZE);
    expect((await http.get(`/pedidos/runs/${runId}`)).status).toBe(200);
  });

  it('counts every processed order once, per priority, in the worker that processed it', async () => {
    const status = (await http.get('/pedidos')).body;
    expect(await eventually('sum(pedidos_orders_processed_total)', (value) => value === RUN_SIZE, `${RUN_SIZE} processed orders`)).toBe(RUN_SIZE);
    expect(await prometheus.value('sum(pedidos_orders_processed_total{job="pedidos-worker"})')).toBe(RUN_SIZE);
    expect(await prometheus.value('sum(pedidos_orders_processed_total{job="pedidos-api"})')).toBe(0);
    expect(await prometheus.value('pedidos_orders_processed_total{job="pedidos-worker",priority="vip"}')).toBe(status.counts.vip);
    expect(await prometheus.value('pedidos_orders_processed_total{job="pedidos-worker",priority="normal"}')).toBe(status.counts.normal);
    expect(await prometheus.value('sum(pedidos_orders_failed_total) + sum(pedidos_orders_dead_lettered_total)')).toBe(0);
  });

  it('times every job per lane, and the queue keeps the finished ones it counts', async () => {
    const { totals } = (await http.get('/pedidos/queue/status')).body;
    expect(totals).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0, paused: 0 });
    expect(totals.completed).toBeGreaterThanOrEqual(RUN_SIZE / ORDERS_PER_JOB);
    expect(await eventually('sum(pedidos_job_duration_seconds_count{outcome="processed"})', (value) => value === totals.completed)).toBe(totals.completed);
    for (const priority of ['vip', 'normal']) {
      expect(await prometheus.value(`pedidos_job_duration_seconds_count{priority="${priority}",outcome="processed"}`)).toBeGreaterThan(0);
      // Every slice of this run took more than no time and less than the whole run.
      const mean = await prometheus.value(`pedidos_job_duration_seconds_sum{priority="${priority}",outcome="processed"} / pedidos_job_duration_seconds_count{priority="${priority}",outcome="processed"}`);
      expect(mean).toBeGreaterThan(0);
      expect(mean).toBeLessThan(180);
    }
    const completed = await eventually('sum(pedidos_queue_jobs{state="completed"})', (value) => value === totals.completed);
    expect(completed).toBe(totals.completed);
    expect(await prometheus.value('sum(pedidos_queue_jobs{state=~"waiting|active|delayed|failed|paused"})')).toBe(0);
  });

  it('saw the lanes busy and the run go through its phases, and reports DONE now', async () => {
    expect(await eventually('pedidos_run_phase{phase="DONE"}', (value) => value === 1)).toBe(1);
    expect(await prometheus.value('sum(pedidos_run_phase)')).toBe(1);
    expect(await prometheus.value('max_over_time(pedidos_run_phase{phase="WAITING_VIP_DRAIN"}[10m])')).toBe(1);
    expect(await prometheus.value('max_over_time(pedidos_run_phase{phase="WAITING_NORMAL_DRAIN"}[10m])')).toBe(1);
    for (const priority of ['vip', 'normal'] as const) expect(await prometheus.value(`max_over_time(${laneWork(priority)}[10m:1s])`)).toBeGreaterThan(0);
  });

  it('timed the generation and each drain once, in the API that drove the run', async () => {
    expect(await prometheus.value('pedidos_run_generation_duration_seconds_count{job="pedidos-api"}')).toBe(1);
    const generation = await prometheus.value('pedidos_run_generation_duration_seconds_sum{job="pedidos-api"}');
    const run = (await http.get(`/pedidos/runs/${runId}`)).body;
    expect(generation! * 1000).toBeCloseTo(run.generationTimeMs, -2);
    for (const priority of ['vip', 'normal']) {
      expect(await prometheus.value(`pedidos_run_drain_duration_seconds_count{priority="${priority}"}`)).toBe(1);
      expect(await prometheus.value(`pedidos_run_drain_duration_seconds_sum{priority="${priority}"}`)).toBeGreaterThan(0);
    }
  });

  it('labels HTTP requests by route pattern and status, never by the URL', async () => {
    expect(await prometheus.value('sum(http_request_duration_seconds_count{route="/pedidos/generate",method="POST",status_code="202"})')).toBe(1);
    expect(await eventually('sum(http_request_duration_seconds_count{route="/pedidos/runs/:runId",status_code="200"})', (value) => value >= 1)).toBeGreaterThanOrEqual(1);
    expect(await prometheus.value('sum(http_request_duration_seconds_count{route="/pedidos",method="GET"})')).toBeGreaterThan(0);
    expect(await prometheus.query(`http_request_duration_seconds_count{route=~".*${runId}.*"}`)).toEqual([]);
    // No series anywhere carries the run's id.
    expect(await prometheus.query(`{__name__=~"pedidos_.+|http_.+", runId!=""}`)).toEqual([]);
  });

  it('counts event intake: accepted in the API, stored in batches by the worker, with batch sizes and write times', async () => {
    const settled = await waitForSettled(api.url, EVENTS_SENT);
    expect(settled).toMatchObject({ accepted: EVENTS_SENT, stored: EVENTS_SENT });
    expect(await eventually('sum(pedidos_events_stored_total)', (value) => value === EVENTS_SENT)).toBe(EVENTS_SENT);
    expect(await prometheus.value('pedidos_events_accepted_total{job="pedidos-api"}')).toBe(EVENTS_SENT);
    expect(await prometheus.value('pedidos_events_stored_total{job="pedidos-worker"}')).toBe(EVENTS_SENT);
    expect(await prometheus.value('sum(pedidos_events_duplicates_total) + sum(pedidos_events_dead_lettered_total)')).toBe(0);
    // Every stored event was in exactly one observed batch, and each batch's write was timed.
    expect(await prometheus.value('pedidos_event_batch_size_sum{job="pedidos-worker"}')).toBe(EVENTS_SENT);
    const batches = await prometheus.value('pedidos_event_batch_size_count{job="pedidos-worker"}');
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(EVENTS_SENT);
    expect(await prometheus.value('pedidos_event_batch_write_duration_seconds_count{job="pedidos-worker"}')).toBe(batches);
    expect(await prometheus.value('pedidos_event_batch_write_duration_seconds_sum{job="pedidos-worker"}')).toBeGreaterThan(0);
    expect(await eventually('sum(pedidos_event_queue_jobs{state=~"waiting|active|delayed"})', (value) => value === 0)).toBe(0);
  });

  it('exposes process metrics of both processes: CPU, memory, event-loop lag, GC', async () => {
    for (const job of ['pedidos-api', 'pedidos-worker']) {
      expect(await prometheus.value(`process_cpu_seconds_total{job="${job}"}`)).toBeGreaterThan(0);
      expect(await prometheus.value(`process_resident_memory_bytes{job="${job}"}`)).toBeGreaterThan(10 * 1024 * 1024);
      expect(await prometheus.value(`nodejs_eventloop_lag_seconds{job="${job}"}`)).toBeGreaterThanOrEqual(0);
      expect(await prometheus.value(`sum(nodejs_gc_duration_seconds_count{job="${job}"})`)).toBeGreaterThan(0);
    }
  });

  it("deploy/: the compose scrape config is valid, and every query of the Grafana dashboard answers with data", async () => {
    execFileSync('promtool', ['check', 'config', join(DEPLOY, 'prometheus', 'prometheus.yml')], { stdio: 'pipe' });
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(15);
    for (const { panel, expr } of queries) {
      const samples = await prometheus.query(expr);
      expect({ panel, expr, answered: samples.length > 0 }).toEqual({ panel, expr, answered: true });
    }
  });
});
