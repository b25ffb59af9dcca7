import { Injectable } from '@nestjs/common';
import { EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { EventSettings } from '../event-settings';
import { EventMetricsView, eventMetricsView } from './event-metrics-view';

/** `GET /events/metrics`: one Redis round trip, never a scan of the stored events. */
@Injectable()
export class ReadEventMetricsService {
  constructor(
    private readonly metrics: EventMetricsStore,
    private readonly settings: EventSettings,
  ) {}

  async read(): Promise<EventMetricsView> {
    return eventMetricsView(await this.metrics.read(), this.settings.batching, Date.now());
  }
}
