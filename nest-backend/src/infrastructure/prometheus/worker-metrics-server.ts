import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Server, createServer } from 'node:http';
import { MetricsExposition } from './metrics-exposition';

/**
 * A worker's `GET /metrics` on a port of its own (METRICS_PORT): a bare HTTP server that only serves the
 * exposition, since a worker has no HTTP application. A port already taken (two workers on one host
 * with the same METRICS_PORT) is logged and the worker goes on consuming without metrics: metrics
 * never stop work.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(
    private readonly exposition: MetricsExposition,
    private readonly port: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics is served here\n');
        return;
      }
      this.exposition.render().then(
        (body) => response.writeHead(200, { 'content-type': this.exposition.contentType }).end(body),
        (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
      );
    });
    await new Promise<void>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        this.logger.warn(`metrics not served: port ${this.port} is unavailable (${error.code ?? error.message}); set METRICS_PORT to a free port`);
        resolve();
      });
      server.listen(this.port, () => {
        this.server = server;
        this.logger.log(`metrics at http://0.0.0.0:${this.port}/metrics`);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Prometheus keeps its connection open between scrapes; it must not hold the shutdown.
    server.closeAllConnections();
    await closed;
  }
}
