import { join } from 'node:path';
import { Environment } from '../../src/infrastructure/config/environment';
import { ChildService } from './child-service';
import { waitUntil } from './running-api';

const DIST = join(__dirname, '..', '..', 'dist');

/** The built worker (`dist/worker.js`) as a real process, so a test can kill it or ask it to stop. */
export class WorkerProcess extends ChildService {
  constructor(env: Environment) {
    super('worker', process.execPath, [join(DIST, 'worker.js')], { ...process.env, ...environmentVariables(env) });
  }

  /** Starts the worker and waits until it consumes the queue. */
  startConsuming(): Promise<void> {
    return this.start(/consuming the queue/, 30_000);
  }
}

/**
 * The built API (`dist/main.js`) as a real process, so a test can kill it, start it again, or freeze it (SIGSTOP)
 * and thaw it (SIGCONT) to stop it at an exact point of a phase.
 */
export class ApiServerProcess extends ChildService {
  constructor(
    env: Environment,
    readonly port: number,
  ) {
    super('api', process.execPath, [join(DIST, 'main.js')], { ...process.env, ...environmentVariables(env), PORT: String(port) });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the API (`envChanges` for this start only, e.g. another ORDERS_PER_JOB after a crash) and waits until it answers /health. */
  async startServing(envChanges: Record<string, string> = {}): Promise<void> {
    await this.start(/Pedidos API listening/, 30_000, envChanges);
    await waitUntil(async () => (await fetch(`${this.url}/health`)).ok, 30_000, 'API to answer /health');
  }
}

/** The environment as the string variables a child process reads. */
export function environmentVariables(env: Environment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}
