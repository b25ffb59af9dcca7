import { once } from 'node:events';
import { createServer } from 'node:net';

/** A TCP port on `host` that is free now (the OS picks it). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const [port] = await freePorts(1, host);
  return port;
}

/** `count` distinct ports on `host` that are free now: held open together while they are picked, so none repeats. */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    await Promise.all(
      servers.map((server) => {
        server.unref();
        const listening = once(server, 'listening');
        server.listen(0, host);
        return listening;
      }),
    );
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.filter((server) => server.listening).map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
