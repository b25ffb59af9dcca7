import { OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SOCKET_EVENTS, type EventMetrics, type ServerToClientEvents } from '@pedidos/contract';
import type { Server, Socket } from 'socket.io';
import { ReadEventMetricsService } from '../../application/events/read-event-metrics/read-event-metrics.service';
import { ChangeBroadcaster } from './change-broadcaster';

/** At most four `events:metrics` a second, whatever the rate of events. */
const METRICS_EVERY_MS = 250;

/** Sends `events:metrics` (the `GET /events/metrics` body) once on connect, then while anyone listens and it changes. */
@WebSocketGateway()
export class EventsGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer()
  private server: Server<Record<string, never>, ServerToClientEvents>;

  private broadcaster: ChangeBroadcaster<EventMetrics> | undefined;

  constructor(private readonly metrics: ReadEventMetricsService) {}

  afterInit(): void {
    this.broadcaster = new ChangeBroadcaster({
      everyMs: METRICS_EVERY_MS,
      read: () => this.metrics.read(),
      emit: (metrics) => this.server.emit(SOCKET_EVENTS.eventMetrics, metrics),
      listening: () => this.server.engine.clientsCount > 0,
    });
    this.broadcaster.start();
  }

  async handleConnection(client: Socket<Record<string, never>, ServerToClientEvents>): Promise<void> {
    const metrics = await this.metrics.read().catch(() => null);
    if (metrics) client.emit(SOCKET_EVENTS.eventMetrics, metrics);
  }

  onModuleDestroy(): void {
    this.broadcaster?.stop();
  }
}
