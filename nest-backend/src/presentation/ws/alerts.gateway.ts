import { OnModuleDestroy } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { AlertFeed } from '../../domain/alerts/ports/alert-feed.port';

export const ALERT_EVENT = 'alert';

/** Sends every alert change (`{ state: 'open' | 'cleared', alert }`) to the dashboards connected to this API process. */
@WebSocketGateway()
export class AlertsGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer()
  private server: Server;

  private unsubscribe: (() => void) | undefined;

  constructor(private readonly feed: AlertFeed) {}

  afterInit(): void {
    this.unsubscribe = this.feed.subscribe((change) => this.server.emit(ALERT_EVENT, change));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
