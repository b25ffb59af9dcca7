import { freePort } from '@pedidos/processes';
import Redis from 'ioredis';
import { Db } from 'mongodb';
import { Environment } from '../src/infrastructure/config/environment';
import { RedisKeys } from '../src/infrastructure/redis/redis-keys';
import { ApiServerProcess, WorkerProcess } from './support/backend-process';
import { waitForRunEnd, waitForStatus } from './support/exactly-once';
import { useInProcessApi } from './support/in-process-suite';
import { Http, httpClient, openDatabase, waitUntil } from './support/running-api';
import { dropTestData, testEnvironment } from './support/test-environment';

const MAX_POINTS = 12;
const INTERVAL_MS = 100;

/** What every report's series must show: bounded, time and counts moving forward, the last point equal to the counts, VIP first. */
function expectConsistentSeries(report: any, maxPoints: number) {
  const { points } = report.series;
  expect(points.length).toBeGreaterThanOrEqual(2);
  expect(points.length).toBeLessThanOrEqual(maxPoints);
  expect(points[0]).toMatchObject({ elapsedMs: 0, vipProcessed: 0, normalProcessed: 0 });
  points.slice(1).forEach((point: any, index: number) => {
    const before = points[index];
    expect(point.elapsedMs).toBeGreaterThan(before.elapsedMs);
    expect(point.vipProcessed).toBeGreaterThanOrEqual(before.vipProcessed);
    expect(point.normalProcessed).toBeGreaterThanOrEqual(before.normalProcessed);
    const ms = point.elapsedMs - before.elapsedMs;
    expect(point.vipPerSecond).toBe(Math.round(((point.vipProcessed - before.vipProcessed) * 1000) / ms));
    expect(point.normalPerSecond).toBe(Math.round(((point.normalProcessed - before.normalProcessed) * 1000) / ms));
    expect(Date.parse(point.at) - Date.parse(report.createdAt)).toBe(point.elapsedMs);
  });
  const last = points[points.length - 1];
  expect(last).toMatchObject({ vipProcessed: report.counts.vipProcessed, normalProcessed: report.counts.normalProcessed, failed: report.counts.failed });
  // The lanes are separate: no NORMAL order was processed while a VIP one was left.
  for (const point of points) if (point.normalProcessed > 0) expect(point.vipProcessed).toBe(report.counts.vipGenerated);
}

/** The series document as the driver wrote it: `{ intervalMs, points: [{ at, vip, normal, failed }], recorders, lastAt }`. */
const storedSeries = (db: Db, runId: string): Promise<any> => db.collection('run_series').findOne({ _id: runId as any });

describe('run throughput series: recorded while the run goes on, bounded, and reported as JSON and CSV', () => {
  const suite = useInProcessApi('run_series', {
    RUN_SERIES_MAX_POINTS: String(MAX_POINTS),
    RUN_SERIES_INTERVAL_MS: String(INTERVAL_MS),
    ORDERS_PER_JOB: '500',
    GENERATION_CHUNK_SIZE: '1000',
  });
  const RUN_SIZE = 6_000;

  it('records the series of a held and then released run within its bound, and reports it', async () => {
    const { http, db } = suite;
    // Held from the start: points accrue with time alone, whatever the speed of the machine.
    expect((await http.post('/pedidos/queue/pause')).status).toBe(200);
    const started = await http.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;

    // The bound holds while the run is held: the series was halved (its interval doubled) to stay within it.
    const held = await waitUntil(async () => {
      const doc = await storedSeries(db, runId);
      return doc && doc.intervalMs >= INTERVAL_MS * 4 ? doc : null;
    }, 60_000, 'the stored series to be halved twice', 200);
    expect(held.points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(held.points.every((p: any) => p.vip === 0 && p.normal === 0)).toBe(true);
    expect(held.recorders).toHaveLength(1);
    expect(held.recorders[0].name).toMatch(new RegExp(`^api-${process.pid}@`));

    // Let VIP processing start, then hold the run again: NORMAL orders are left, so it is still running.
    expect((await http.post('/pedidos/queue/resume')).status).toBe(200);
    await waitForStatus(http, (s) => s.lastRunId === runId && s.counts.vip > 0, 120_000, 'VIP processing under way');
    expect((await http.post('/pedidos/queue/pause')).status).toBe(200);
    await waitUntil(async () => (await http.get('/pedidos/queue/status')).body.totals.active === 0, 30_000, 'running jobs to finish after the pause', 50);
    const recorded = await waitUntil(async () => {
      const doc = await storedSeries(db, runId);
      return doc?.points.some((p: any) => p.vip > 0) ? doc : null;
    }, 30_000, 'a point with VIP orders processed to be stored during the run', 200);
    expect(recorded.points.length).toBeLessThanOrEqual(MAX_POINTS);
    // While the run goes on, the report ends now with the live counts, after the recorded points.
    const [live, current] = await Promise.all([http.get(`/pedidos/runs/${runId}/report`), http.get('/pedidos')]);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ finishedAt: null, series: { recorded: true } });
    expect(current.body.phase).not.toBe('DONE');
    expect(live.body.series.points[live.body.series.points.length - 1]).toMatchObject({ vipProcessed: current.body.counts.vip, normalProcessed: current.body.counts.normal });
    expectConsistentSeries(live.body, MAX_POINTS);
    expect((await http.post('/pedidos/queue/resume')).status).toBe(200);

    expect((await waitForRunEnd(http, 240_000)).phase).toBe('DONE');
    // The driver writes the series a last time once it stops driving the run.
    const doc = await waitUntil(async () => {
      const stored = await storedSeries(db, runId);
      const last = stored?.points[stored.points.length - 1];
      return last && last.vip + last.normal === RUN_SIZE ? stored : null;
    }, 30_000, 'the final series to be stored', 200);
    expect(doc.points.length).toBeLessThanOrEqual(MAX_POINTS);

    const { status, body: report } = await http.get(`/pedidos/runs/${runId}/report`);
    expect(status).toBe(200);
    expect(report).toMatchObject({
      runId,
      phase: 'DONE',
      settings: { target: RUN_SIZE, autoProcess: true, ordersPerJob: 500 },
      counts: { generated: RUN_SIZE, failed: 0, cancelled: 0 },
      series: { recorded: true, maxPoints: MAX_POINTS },
    });
    expect(report.counts.vipProcessed + report.counts.normalProcessed).toBe(RUN_SIZE);
    expect(report.counts.vipProcessed).toBe(report.counts.vipGenerated);
    expect(report.series.intervalMs).toBeGreaterThanOrEqual(INTERVAL_MS * 4);
    expect(report.series.points[report.series.points.length - 1].elapsedMs).toBe(report.timings.totalTimeMs);
    expectConsistentSeries(report, MAX_POINTS);
    // The run page and GET /pedidos/runs/:runId tell the same timings and counts.
    const summary = (await http.get(`/pedidos/runs/${runId}`)).body;
    expect(report.timings).toMatchObject({ generationTimeMs: summary.generationTimeMs, totalTimeMs: summary.totalTimeMs, vip: { timeMs: summary.processing.vip.timeMs } });
    expect(report.throughput).toEqual({ vip: summary.throughput.vip, normal: summary.throughput.normal, overall: summary.throughput.overall });

    const csv = await fetch(`${suite.url}/pedidos/runs/${runId}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="run-${runId}.csv"`);
    const lines = (await csv.text()).split('\r\n');
    const blank = lines.indexOf('');
    const fields = new Map(lines.slice(1, blank).map((line) => line.split(',') as [string, string]));
    expect(lines[0]).toBe('field,value');
    expect(fields.get('runId')).toBe(runId);
    expect(fields.get('phase')).toBe('DONE');
    expect(fields.get('settings.target')).toBe(String(RUN_SIZE));
    expect(fields.get('counts.vipProcessed')).toBe(String(report.counts.vipProcessed));
    expect(fields.get('timings.totalTimeMs')).toBe(String(report.timings.totalTimeMs));
    expect(fields.get('series.intervalMs')).toBe(String(report.series.intervalMs));
    expect(lines[blank + 1]).toBe('at,elapsedMs,vipProcessed,normalProcessed,failed,vipPerSecond,normalPerSecond');
    const rows = lines.slice(blank + 2, -1);
    expect(rows).toEqual(report.series.points.map((p: any) => [p.at, p.elapsedMs, p.vipProcessed, p.normalProcessed, p.failed, p.vipPerSecond, p.normalPerSecond].join(',')));
  });

  it('answers 404 for a run that does not exist and 400 for an id that cannot be one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of ['report', 'report.csv']) {
      const missing = await suite.http.get(`/pedidos/runs/${unknown}/${path}`);
      expect(missing).toMatchObject({ status: 404, body: { code: 'RUN_NOT_FOUND' } });
      expect((await suite.http.get(`/pedidos/runs/not-a-run/${path}`)).status).toBe(400);
    }
  });

  it('is emptied by a reset along with the runs', async () => {
    expect(await suite.db.collection('run_series').countDocuments({})).toBeGreaterThan(0);
    expect((await suite.http.post('/pedidos/reset')).status).toBe(200);
    expect(await suite.db.collection('run_series').countDocuments({})).toBe(0);
  });
});

/**
 * Two API processes and one worker: only the API that drives a run records its series, and when it dies
 * the API that adopts the run carries on with the same series.
 */
describe('run throughput series with two APIs: only the driver records, and the adopter carries on', () => {
  let env: Environment;
  let db: Db;
  let closeDb: () => Promise<void>;
  let redis: Redis;
  let api1: ApiServerProcess;
  let api2: ApiServerProcess;
  let worker: WorkerProcess;
  let http1: Http;
  let http2: Http;
  const RUN_SIZE = 4_000;

  beforeAll(async () => {
    env = testEnvironment('run_series_two', { RUN_WORKERS_IN_API: 'false', ORDERS_PER_JOB: '200', GENERATION_CHUNK_SIZE: '1000' });
    ({ db, close: closeDb } = await openDatabase(env));
    redis = new Redis(env.REDIS_URL);
    api1 = new ApiServerProcess(env, await freePort());
    api2 = new ApiServerProcess(env, await freePort());
    http1 = httpClient(() => api1.url);
    http2 = httpClient(() => api2.url);
    worker = new WorkerProcess(env);
    await Promise.all([api1.startServing(), api2.startServing(), worker.startConsuming()]);
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api1?.stop('SIGKILL');
    await api2?.stop('SIGKILL');
    redis?.disconnect();
    await closeDb?.();
    if (env) await dropTestData(env);
  });

  it('keeps one series per run across the adoption, written by one API at a time', async () => {
    // Held until the adoption is seen, so where the run stands when API 1 dies does not depend on the machine's speed.
    expect((await http1.post('/pedidos/queue/pause')).status).toBe(200);
    const started = await http1.post(`/pedidos/generate?quantity=${RUN_SIZE}`);
    expect(started.status).toBe(202);
    const { runId } = started.body;
    const driverKey = new RedisKeys(env.KEY_PREFIX).driver(runId);

    // API 2 is up the whole time and drives nothing: the stored series names API 1 alone, however often it is written.
    const firstSaves = await waitUntil(async () => {
      const doc = await storedSeries(db, runId);
      return doc && doc.points.length >= 8 ? doc : null;
    }, 60_000, 'API 1 to have saved a few seconds of series', 250);
    expect(firstSaves.recorders.map((r: any) => r.name.split('@')[0])).toEqual([`api-${api1.pid}`]);
    const beforeKill = firstSaves.points.length;
    const lastSavedByApi1 = firstSaves.points[beforeKill - 1].at;
    const recorderNames = [`api-${api1.pid}`, `api-${api2.pid}`];

    await api1.stop('SIGKILL');
    // API 2 takes the run over once API 1's 10 s lease lapses, and continues the series API 1 saved.
    const adopted = await waitUntil(async () => {
      const doc = await storedSeries(db, runId);
      return doc && doc.recorders.length === 2 ? doc : null;
    }, 60_000, 'API 2 to adopt the run and record its series', 250);
    expect(await redis.exists(driverKey)).toBe(1);
    expect(adopted.recorders.map((r: any) => r.name.split('@')[0])).toEqual(recorderNames);
    expect(adopted.points.slice(0, beforeKill)).toEqual(firstSaves.points);
    expect(adopted.points[adopted.points.length - 1].at).toBeGreaterThan(lastSavedByApi1);

    expect((await http2.post('/pedidos/queue/resume')).status).toBe(200);
    expect((await waitForRunEnd(http2, 240_000)).phase).toBe('DONE');
    const report = await waitUntil(async () => {
      const { body } = await http2.get(`/pedidos/runs/${runId}/report`);
      const stored = await storedSeries(db, runId);
      const last = stored?.points[stored.points.length - 1];
      return last && last.vip + last.normal === RUN_SIZE ? body : null;
    }, 30_000, 'API 2 to store the final series', 250);
    expect(report.series.recorders.map((r: any) => r.name.split('@')[0])).toEqual(recorderNames);
    expect(report.counts.vipProcessed + report.counts.normalProcessed).toBe(RUN_SIZE);
    expectConsistentSeries(report, 300);
    // Points from both drivers, in time order: API 1's up to its death, API 2's after it.
    const times = report.series.points.map((p: any) => Date.parse(p.at));
    expect(times.filter((at: number) => at <= lastSavedByApi1).length).toBeGreaterThanOrEqual(beforeKill);
    expect(times.filter((at: number) => at > Date.parse(adopted.recorders[1].since)).length).toBeGreaterThan(1);
  });
});
