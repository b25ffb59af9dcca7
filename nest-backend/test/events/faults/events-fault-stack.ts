import { Environment } from '../../../src/infrastructure/config/environment';
import { WorkerProcess } from '../../support/backend-process';
import { expectMetricsMatchDatabase, expectStoredExactlyOnce, waitForIntakeSettled } from '../../support/event-checks';
import { EventTraffic, TrafficOutcome, TrafficPlan } from '../../support/event-traffic';
import { FaultSuite, useFaultSuite } from '../../support/fault-suite';

export interface EventsFaultStackOptions {
  suite: string;
  /** A redis-server of the suite's own (AOF, fsync always) it can kill; else the shared one. */
  ownRedis?: boolean;
  /** A FerretDB of the suite's own it can stop; else the shared server. */
  ownDatabase?: boolean;
  /** Environment for both processes (EVENTS_BATCH_SIZE, EVENTS_FLUSH_MS, …). */
  settings?: Record<string, string>;
}

const DEFAULT_PLAN: Omit<TrafficPlan, 'events' | 'tag'> = { clients: 8, batchSize: 25, singleEvery: 3, pauseMs: 5, timeoutMs: 60_000 };

/**
 * What every events fault suite runs against: the built API, which consumes no events (RUN_WORKERS_IN_API=false),
 * and one consumer process (`dist/worker.js`, the suite's worker), which batches and stores them.
 */
export class EventsFaultStack extends FaultSuite {
  private trafficRuns = 0;

  constructor(private readonly suiteName: string) {
    super();
  }

  /** The process that batches and stores the events. */
  get consumer(): WorkerProcess {
    return this.worker;
  }

  /** Starts a new consumer process (the old one must have ended) with `changes` to the environment. */
  async replaceConsumer(changes: Partial<Environment> = {}): Promise<void> {
    if (this.worker.running) throw new Error('replaceConsumer: the consumer still runs; stop it first');
    this.worker = new WorkerProcess({ ...this.env, ...changes });
    await this.worker.startConsuming();
  }

  /** Bounded intake traffic against the API, with eventIds of this suite. */
  traffic(plan: Partial<TrafficPlan> & Pick<TrafficPlan, 'events'>): EventTraffic {
    return new EventTraffic(() => this.api.url, { ...DEFAULT_PLAN, tag: `${this.suiteName}-${++this.trafficRuns}`, ...plan });
  }

  /**
   * After a fault: waits until the pipeline settled, then checks every accepted eventId is stored
   * exactly once (or dead-lettered, for those in `deadLettered`) and the metrics equal the database.
   */
  async expectSettledExactlyOnce(outcome: TrafficOutcome, { deadLettered = new Set<string>(), timeoutMs = 60_000 }: { deadLettered?: ReadonlySet<string>; timeoutMs?: number } = {}): Promise<any> {
    const expected = { stored: outcome.accepted.size - deadLettered.size, deadLettered: deadLettered.size };
    const metrics = await waitForIntakeSettled(this.http, this.db, expected, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}\n--- api ---\n${this.api.output.slice(-3_000)}\n--- consumer ---\n${this.consumer.output.slice(-3_000)}`);
    });
    const withOutput = (error: Error) => {
      const { timeline: _timeline, ...summary } = metrics;
      error.message += `\nmetrics ${JSON.stringify(summary)}\n--- consumer ---\n${this.consumer.output.slice(-6_000)}`;
      throw error;
    };
    const stored = await expectStoredExactlyOnce(this.db, outcome, deadLettered).catch(withOutput);
    await expectMetricsMatchDatabase(this.db, metrics).catch(withOutput);
    return { metrics, stored };
  }
}

/** Starts the stack for the describe block (services, processes, database) and removes everything afterwards. */
export function useEventsFaultStack(options: EventsFaultStackOptions): EventsFaultStack {
  return useFaultSuite(
    {
      suite: options.suite,
      settings: { RUN_WORKERS_IN_API: 'false', EVENTS_RATE_LIMIT_PER_MINUTE: '0', ...options.settings },
      ownRedis: options.ownRedis,
      ownDatabase: options.ownDatabase ? 'pedidos_events_faults_test' : undefined,
      worker: true,
      startProcesses: true,
    },
    new EventsFaultStack(options.suite),
  );
}
