import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { OnModuleDestroy } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { ReadStatusService } from '../../application/read-status/read-status.service';
import { RunEvents } from '../../domain/ports/run-events.port';

/** At most this many `progress` events a second, whatever the rate of work. */
const PROGRESS_EVERY_MS = 200;

/**
 * Relays `phase` and `log` events of every process (heard over Redis) to the dashboards, and sends
 * `progress` (the `GET /pedidos` body) while anyone listens and the figures move.
 */
@WebSocketGateway()
export class PedidosGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer()
  private server: Server;

  private unsubscribe: (() => void) | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private lastSent = '';
  private ticking = false;

  constructor(
    private readonly events: RunEvents,
    private readonly status: ReadStatusService,
  ) {}

  afterInit(): void {
    this.unsubscribe = this.events.subscribe((event) => this.server.emit(event.type, event.payload));
    this.ticker = setInterval(() => void this.sendProgress(), PROGRESS_EVERY_MS);
  }

  async handleConnection(client: Socket): Promise<void> {
    client.emit('progress', await this.status.snapshot().catch(() => null));
  }

  onModuleDestroy(): void {
    clearInterval(this.ticker);
    this.unsubscribe?.();
  }

  private async sendProgress(): Promise<void> {
    if (this.ticking || this.server.engine.clientsCount === 0) return;
    this.ticking = true;
    try {
      const snapshot = await this.status.snapshot();
      const { updatedAt: _updatedAt, ...figures } = snapshot;
      const fingerprint = JSON.stringify(figures);
      if (fingerprint === this.lastSent) return;
      this.lastSent = fingerprint;
      this.server.emit('progress', snapshot);
    } catch {
      // The next tick tries again; a socket client never needs an error for a missed frame.
    } finally {
      this.ticking = false;
    }
  }
}
