import { Socket, io } from 'socket.io-client';
import { waitUntil } from '../support/wait-until';

export interface AlertEvent {
  state: 'open' | 'cleared';
  alert: { id: string; key: string };
}

/** The `alert` events one dashboard connected to one API process would get. */
export class AlertSockets {
  readonly events: AlertEvent[] = [];
  private readonly socket: Socket;

  private constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], reconnection: true, forceNew: true });
    this.socket.on('alert', (event: AlertEvent) => this.events.push(event));
  }

  static async connect(url: string): Promise<AlertSockets> {
    const sockets = new AlertSockets(url);
    await waitUntil(async () => sockets.socket.connected, 15_000, `a Socket.IO connection to ${url}`, 50);
    return sockets;
  }

  of(id: string, state: AlertEvent['state']): AlertEvent[] {
    return this.events.filter((event) => event.alert.id === id && event.state === state);
  }

  close(): void {
    this.socket.disconnect();
  }
}
