import autocannon from 'autocannon';
import { makeEvent } from '../test/support/event-traffic';
import { round2 } from './stats';

/** autocannon's placeholder: replaced by a fresh 27-character id in every request it sends. */
const ID = '[<id>]';
const EVENT_TYPE_VARIANTS = 7;

export interface LoadSpec {
  /** Several: the connections go to them in turn. */
  url: string | string[];
  connections: number;
  durationS: number;
  /** Stop after this many requests (autocannon `amount`; the duration is then not used); 0 = run for the duration. */
  amount?: number;
  /** Requests per second offered in all (autocannon overallRate); 0 = as fast as the connections go. */
  rate: number;
  /** Events per POST /events/batch; null = single POST /events. */
  batchSize: number | null;
  /** eventId prefix of this load. */
  tag: string;
}

export interface LoadResult {
  kind: 'single' | 'batch';
  connections: number;
  offeredRate: number;
  durationS: number;
  requests: number;
  /** Requests answered 202 and the events they carried. */
  acceptedRequests: number;
  acceptedEvents: number;
  acceptedEventsPerSec: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

/** A contract event whose eventId autocannon makes unique per request (and per position in a batch). */
function eventBody(tag: string, index: number, position: number | null): Record<string, unknown> {
  return { ...makeEvent(tag, index), eventId: `${tag}-${ID}${position === null ? '' : `-${position}`}` };
}

/** Drives the intake (or the HTTP floor) with autocannon over loopback and reads what it answered. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const requests =
    spec.batchSize === null
      ? Array.from({ length: EVENT_TYPE_VARIANTS }, (_, i) => ({ method: 'POST' as const, path: '/events', body: JSON.stringify(eventBody(spec.tag, i, null)) }))
      : [{ method: 'POST' as const, path: '/events/batch', body: JSON.stringify({ events: Array.from({ length: spec.batchSize }, (_, i) => eventBody(spec.tag, i, i)) }) }];
  const result = await autocannon({
    // autocannon takes several URLs (its README) and gives the connections to them in turn; its types say one.
    url: spec.url as string,
    // autocannon refuses more connections than requests.
    connections: spec.amount ? Math.min(spec.connections, spec.amount) : spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationS }),
    // autocannon paces each connection per second and, unless told, adds coordinated-omission samples of 1 ms
    // intervals (its expected interval is rounded up to 1 ms), which inflates the percentiles of a paced run many times.
    ...(spec.rate > 0 && { overallRate: spec.rate, ignoreCoordinatedOmission: true }),
    headers: { 'content-type': 'application/json' },
    requests,
    idReplacement: true,
    timeout: 10,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  const acceptedRequests = statusCodes['202'] ?? 0;
  const acceptedEvents = acceptedRequests * (spec.batchSize ?? 1);
  return {
    kind: spec.batchSize === null ? 'single' : 'batch',
    connections: spec.connections,
    offeredRate: spec.rate,
    durationS: result.duration,
    requests: result.requests.total,
    acceptedRequests,
    acceptedEvents,
    acceptedEventsPerSec: Math.round(acceptedEvents / result.duration),
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: round2(result.latency.mean) },
  };
}
