import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { AccessPolicy } from '../http/access/access-policy';
import { API_KEY_HEADER } from '../http/api-key.guard';

/**
 * Socket.IO with the same CORS origins as the REST API (gateway decorators cannot read config), and the same
 * read rule: with READ_API_KEY set, a connection needs the read key or the API key, as `auth: { key }` (what a
 * browser can send over WebSocket) or the `x-api-key` header; without one it is refused (`connect_error`).
 */
export class ConfiguredIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly origins: string[],
    private readonly access: AccessPolicy,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server: Server = super.createIOServer(port, { ...options, cors: { origin: this.origins, credentials: true } });
    server.use((socket, next) => {
      const decision = this.access.authorize('read', presentedKey(socket), 'auth.key or the x-api-key header');
      if (decision.granted) return next();
      next(Object.assign(new Error(decision.reason), { data: { statusCode: decision.status, code: 'UNAUTHORIZED' } }));
    });
    return server;
  }
}

function presentedKey(socket: Socket): unknown {
  const fromAuth = (socket.handshake.auth as { key?: unknown } | undefined)?.key;
  return typeof fromAuth === 'string' && fromAuth.length > 0 ? fromAuth : socket.handshake.headers[API_KEY_HEADER];
}
