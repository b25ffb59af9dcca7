import { OnModuleDestroy } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { SOCKET_EVENTS, type ServerToClientEvents } from '@pedidos/contract';
import type { Server } from 'socket.io';
import { AlertFeed } from '../../domain/alerts/ports/alert-feed.port';
import { alertChangeView } from '../alerts/alert-view';

/** Sends every alert change (`{ state: 'open' | 'cleared', alert }`) to the dashboards connected to this API process. */
@WebSocketGateway()
export class AlertsGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer()
  private server: Server<Record<string, never>, ServerToClientEvents>;

  private unsubscribe: (() => void) | undefined;

  constructor(private readonly feed: AlertFeed) {}

  afterInit(): void {
    this.unsubscribe = this.feed.subscribe((change) => this.server.emit(SOCKET_EVENTS.alert, alertChangeView(change)));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
