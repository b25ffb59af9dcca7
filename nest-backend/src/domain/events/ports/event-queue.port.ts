import { InteractionEvent } from '../interaction-event';

/** One delivery of queued events to a consumer. `attempt` counts from 1. */
export interface EventDelivery {
  events: InteractionEvent[];
  attempt: number;
  maxAttempts: number;
}

/**
 * Handles a delivery. Resolving acknowledges it (the queue forgets its events); returning `retry` (the events
 * not yet stored, and why) makes the queue deliver those again after a backoff.
 */
export type EventDeliveryHandler = (delivery: EventDelivery) => Promise<{ retry: InteractionEvent[]; reason: string } | null>;
/** Called once a delivery has failed for the last time, with the events still not stored. */
export type EventGiveUpHandler = (events: InteractionEvent[], reason: string, attempts: number) => Promise<void>;

/** The durable queue between intake and storage (Bull queue `events`). */
export abstract class EventQueue {
  /** Resolves once the events are durable in the queue (one job for all of them). */
  abstract add(events: InteractionEvent[]): Promise<void>;
  /** One job per event: how a delivery that kept failing is split, so one bad event cannot hold back the others. */
  abstract addEach(events: InteractionEvent[]): Promise<void>;
  /** Starts consuming in this process, holding up to `concurrency` deliveries at once. */
  abstract consume(concurrency: number, handle: EventDeliveryHandler, giveUp: EventGiveUpHandler): Promise<void>;
  /** Drops every queued delivery. */
  abstract purge(): Promise<void>;
}
