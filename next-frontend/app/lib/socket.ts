import { io, type Socket } from 'socket.io-client';
import type { ServerToClientEvents } from '@pedidos/contract';

let socket: Socket<ServerToClientEvents> | null = null;
let socketUrl: string | null = null;
let socketKey: string | null = null;

/**
 * The one Socket.IO connection of the page. Created lazily with `autoConnect: false`, so the
 * caller decides when to connect; reconnection (with backoff) is Socket.IO's own.
 */
export function getSocket(url: string, key: string | null = null): Socket<ServerToClientEvents> {
  if (socket && (socketUrl !== url || socketKey !== key)) {
    socket.disconnect();
    socket = null;
  }
  if (!socket) {
    socketUrl = url;
    socketKey = key;
    socket = io(url, {
      // With READ_API_KEY set the server refuses a connection without a key; a browser's WebSocket can send no header.
      auth: key ? { key } : {},
      autoConnect: false,
      // WebSocket first: it needs no CORS preflight; long-polling remains as a fallback.
      transports: ['websocket', 'polling'],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: 5000,
    });
  }
  return socket;
}
