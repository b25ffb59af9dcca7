import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import { EventType } from '../../domain/events/interaction-event';
import { BatchRecord, CurrentBatch, EventMetricsState, EventMetricsStore } from '../../domain/events/ports/event-metrics-store.port';
import { RedisEventMetricsStore } from '../events/redis-event-metrics.store';
import { METRIC } from './metric-definitions';

/**
 * The event-intake metrics store (Redis, the figures of `GET /events/metrics`) with this process's Prometheus
 * counters and histograms beside it: what intake and the consumers record reaches both, once per intake group or
 * batch, never per event. Prometheus is counted first and cannot fail, so a Redis error loses nothing here.
 */
@Injectable()
export class PrometheusEventMetricsStore extends EventMetricsStore {
  constructor(
    private readonly redis: RedisEventMetricsStore,
    @InjectMetric(METRIC.eventsAccepted) private readonly accepted: Counter,
    @InjectMetric(METRIC.eventsStored) private readonly stored: Counter,
    @InjectMetric(METRIC.eventsDuplicates) private readonly duplicates: Counter,
    @InjectMetric(METRIC.eventsDeadLettered) private readonly deadLettered: Counter,
    @InjectMetric(METRIC.eventBatchSize) private readonly batchSize: Histogram,
    @InjectMetric(METRIC.eventBatchWrite) private readonly batchWrite: Histogram,
  ) {
    super();
    for (const counter of [accepted, stored, duplicates, deadLettered]) counter.inc(0);
  }

  recordAccepted(count: number, at: number): Promise<void> {
    this.accepted.inc(count);
    return this.redis.recordAccepted(count, at);
  }

  recordBatch(batch: BatchRecord, types: Partial<Record<EventType, number>>): Promise<void> {
    this.stored.inc(batch.stored);
    this.duplicates.inc(batch.duplicates);
    this.batchSize.observe(batch.size);
    this.batchWrite.observe(batch.durationMs / 1000);
    return this.redis.recordBatch(batch, types);
  }

  /** A retry moves events out of the dead letters (a negative delta): a counter only counts arrivals. */
  recordDeadLettered(delta: number): Promise<void> {
    if (delta > 0) this.deadLettered.inc(delta);
    return this.redis.recordDeadLettered(delta);
  }

  publishCurrent(consumerId: string, current: CurrentBatch, at: number): Promise<void> {
    return this.redis.publishCurrent(consumerId, current, at);
  }

  read(): Promise<EventMetricsState> {
    return this.redis.read();
  }

  reset(): Promise<void> {
    return this.redis.reset();
  }
}
