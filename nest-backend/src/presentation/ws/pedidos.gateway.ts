import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { OnModuleDestroy } from '@nestjs/common';
import { SOCKET_EVENTS, type ServerToClientEvents, type StatusSnapshot } from '@pedidos/contract';
import type { Server, Socket } from 'socket.io';
import { ReadStatusService } from '../../application/read-status/read-status.service';
import { RunEvents } from '../../domain/ports/run-events.port';
import { ChangeBroadcaster } from './change-broadcaster';

/** At most this many `progress` events a second, whatever the rate of work. */
const PROGRESS_EVERY_MS = 200;

/**
 * Relays `phase` and `log` events of every process (heard over Redis) to the dashboards, and sends
 * `progress` (the `GET /pedidos` body) while anyone listens and the figures move.
 */
@WebSocketGateway()
export class PedidosGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer()
  private server: Server<Record<string, never>, ServerToClientEvents>;

  private unsubscribe: (() => void) | undefined;
  private progress: ChangeBroadcaster<StatusSnapshot> | undefined;

  constructor(
    private readonly events: RunEvents,
    private readonly status: ReadStatusService,
  ) {}

  afterInit(): void {
    this.unsubscribe = this.events.subscribe((event) => {
      if (event.type === 'phase') this.server.emit(SOCKET_EVENTS.phase, event.payload);
      else this.server.emit(SOCKET_EVENTS.log, event.payload);
    });
    this.progress = new ChangeBroadcaster({
      everyMs: PROGRESS_EVERY_MS,
      read: () => this.status.snapshot(),
      emit: (snapshot) => this.server.emit(SOCKET_EVENTS.progress, snapshot),
      listening: () => this.server.engine.clientsCount > 0,
      fingerprint: ({ updatedAt: _updatedAt, ...figures }) => JSON.stringify(figures),
    });
    this.progress.start();
  }

  async handleConnection(client: Socket<Record<string, never>, ServerToClientEvents>): Promise<void> {
    client.emit(SOCKET_EVENTS.progress, await this.status.snapshot().catch(() => null));
  }

  onModuleDestroy(): void {
    this.progress?.stop();
    this.unsubscribe?.();
  }
}
