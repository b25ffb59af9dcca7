import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { ChildService } from './child-service';
import { which } from './own-services';

const LOOPBACK = '127.0.0.1';

/** One instant-vector sample of a PromQL answer. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

/**
 * A Prometheus server of the test's own (Debian's `prometheus` binary), on a loopback port, with a
 * generated scrape configuration and a throw-away data directory.
 */
export class OwnPrometheus {
  readonly dir = mkdtempSync(join(tmpdir(), 'pedidos-prometheus-'));
  private readonly server: ChildService;

  /** `targets`: job name → host:port list; every target is scraped every `scrapeIntervalSeconds`. */
  constructor(
    readonly port: number,
    targets: Record<string, string[]>,
    scrapeIntervalSeconds = 1,
  ) {
    const binary = which('prometheus');
    if (!binary) throw new Error('prometheus is not on PATH: the metrics test starts its own (apt-get install -y prometheus)');
    const jobs = Object.entries(targets).map(([job, hosts]) => `  - job_name: ${job}\n    static_configs:\n      - targets: [${hosts.map((host) => `'${host}'`).join(', ')}]`);
    const config = [`global:`, `  scrape_interval: ${scrapeIntervalSeconds}s`, `  scrape_timeout: ${scrapeIntervalSeconds}s`, `scrape_configs:`, ...jobs, ''].join('\n');
    writeFileSync(join(this.dir, 'prometheus.yml'), config);
    const args = [
      `--config.file=${join(this.dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(this.dir, 'data')}`,
      `--web.listen-address=${LOOPBACK}:${port}`,
      '--storage.tsdb.retention.time=1h',
    ];
    this.server = new ChildService(`prometheus :${port}`, binary, args);
  }

  get url(): string {
    return `http://${LOOPBACK}:${this.port}`;
  }

  get output(): string {
    return this.server.output;
  }

  start(): Promise<void> {
    return this.server.start(/Server is ready to receive web requests/, 30_000);
  }

  /** Evaluates a PromQL expression now; a vector answer as samples (a scalar as one sample without labels). */
  async query(expression: string): Promise<PromSample[]> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expression)}`);
    const body = (await response.json()) as { status: string; error?: string; data: { resultType: string; result: any } };
    if (body.status !== 'success') throw new Error(`query ${expression} failed: ${body.error}`);
    if (body.data.resultType === 'scalar') return [{ metric: {}, value: Number(body.data.result[1]) }];
    return (body.data.result as Array<{ metric: Record<string, string>; value: [number, string] }>).map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
  }

  /** The value of an expression that yields one sample, or null when it yields none. */
  async value(expression: string): Promise<number | null> {
    const samples = await this.query(expression);
    if (samples.length > 1) throw new Error(`${expression} yields ${samples.length} samples, expected one`);
    return samples[0]?.value ?? null;
  }

  async destroy(): Promise<void> {
    await this.server.stop('SIGTERM', 10_000);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The first port of [from, to] this process can listen on (for servers a test must start on a port of a given range). */
export async function firstFreePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) if (await canListen(port)) return port;
  throw new Error(`every port from ${from} to ${to} is in use`);
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, LOOPBACK, () => resolve(true));
  });
  if (listening) await new Promise((resolve) => server.close(resolve));
  return listening;
}
