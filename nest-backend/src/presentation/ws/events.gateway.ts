import { OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { ReadEventMetricsService } from '../../application/events/read-event-metrics/read-event-metrics.service';

export const EVENT_METRICS_EVENT = 'events:metrics';
/** At most four `events:metrics` a second, whatever the rate of events. */
const METRICS_EVERY_MS = 250;

/** Sends `events:metrics` (the `GET /events/metrics` body) once on connect, then while anyone listens and it changes. */
@WebSocketGateway()
export class EventsGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer()
  private server: Server;

  private ticker: NodeJS.Timeout | undefined;
  private lastSent = '';
  private ticking = false;

  constructor(private readonly metrics: ReadEventMetricsService) {}

  afterInit(): void {
    this.ticker = setInterval(() => void this.sendIfChanged(), METRICS_EVERY_MS);
  }

  async handleConnection(client: Socket): Promise<void> {
    const metrics = await this.metrics.read().catch(() => null);
    if (metrics) client.emit(EVENT_METRICS_EVENT, metrics);
  }

  onModuleDestroy(): void {
    clearInterval(this.ticker);
  }

  private async sendIfChanged(): Promise<void> {
    if (this.ticking || this.server.engine.clientsCount === 0) return;
    this.ticking = true;
    try {
      const metrics = await this.metrics.read();
      const fingerprint = JSON.stringify(metrics);
      if (fingerprint === this.lastSent) return;
      this.lastSent = fingerprint;
      this.server.emit(EVENT_METRICS_EVENT, metrics);
    } catch {
      // The next tick tries again; a socket client never needs an error for a missed frame.
    } finally {
      this.ticking = false;
    }
  }
}
