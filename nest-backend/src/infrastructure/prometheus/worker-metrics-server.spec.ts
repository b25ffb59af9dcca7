import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { MetricsExposition } from './metrics-exposition';
import { WorkerMetricsServer } from './worker-metrics-server';

async function freeLoopbackPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

function fetchWithKeepAlive(url: string, agent: Agent): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    }).on('error', reject);
  });
}

describe('WorkerMetricsServer', () => {
  const exposition = new MetricsExposition();

  it('serves the exposition at GET /metrics only, and closes at shutdown although Prometheus keeps its connection open', async () => {
    const port = await freeLoopbackPort();
    const server = new WorkerMetricsServer(exposition, port);
    await server.onApplicationBootstrap();
    const agent = new Agent({ keepAlive: true });
    try {
      const metrics = await fetchWithKeepAlive(`http://127.0.0.1:${port}/metrics`, agent);
      expect(metrics).toMatchObject({ status: 200, type: expect.stringContaining('text/plain') });
      expect(metrics.body).toMatch(/^process_cpu_seconds_total \d/m);
      expect((await fetchWithKeepAlive(`http://127.0.0.1:${port}/pedidos`, agent)).status).toBe(404);
      const closing = server.onApplicationShutdown();
      await expect(Promise.race([closing.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000).unref())])).resolves.toBe('closed');
    } finally {
      agent.destroy();
    }
  });

  it('starts without metrics, and says so, when its port is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const server = new WorkerMetricsServer(exposition, (taken.address() as AddressInfo).port);
      await expect(server.onApplicationBootstrap()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/metrics not served: port \d+ is unavailable \(EADDRINUSE\)/));
      await server.onApplicationShutdown();
    } finally {
      warn.mockRestore();
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
