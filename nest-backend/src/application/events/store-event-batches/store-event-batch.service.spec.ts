import { InteractionEvent } from '../../../domain/events/interaction-event';
import { BatchRecord, EventMetricsStore } from '../../../domain/events/ports/event-metrics-store.port';
import { BatchWrite, EventStore } from '../../../domain/events/ports/event-store.port';
import { withUnconfirmedWrite } from '../../../domain/events/unconfirmed-writes';
import { StoreEventBatchService } from './store-event-batch.service';

const event = (eventId: string): InteractionEvent => ({ eventId, userId: 'u', eventType: 'view', sessionId: 's', eventData: {}, occurredAt: 0, receivedAt: 0 });

/**
 * A store that keeps documents by eventId with their batchId, as the unique index does. `cutOffAfter` makes the
 * next write store that many documents and then fail as a whole, as a connection dropped mid-insert does.
 */
class DocumentsByEventId extends EventStore {
  readonly batchIdOf = new Map<string, string>();
  cutOffAfter: number | null = null;
  claims = 0;

  async writeBatch(events: InteractionEvent[], batchId: string): Promise<BatchWrite> {
    const duplicates: number[] = [];
    let stored = 0;
    for (const [index, item] of events.entries()) {
      if (this.cutOffAfter !== null && stored === this.cutOffAfter) {
        this.cutOffAfter = null;
        throw new Error('connection closed');
      }
      if (this.batchIdOf.has(item.eventId)) duplicates.push(index);
      else {
        this.batchIdOf.set(item.eventId, batchId);
        stored++;
      }
    }
    return { stored, duplicates, rejected: [] };
  }

  async claimUnconfirmed(eventIds: string[], writeIds: string[], batchId: string): Promise<Set<string>> {
    this.claims++;
    const claimed = new Set<string>();
    for (const eventId of eventIds) {
      if (!writeIds.includes(this.batchIdOf.get(eventId) ?? '')) continue;
      this.batchIdOf.set(eventId, batchId);
      claimed.add(eventId);
    }
    return claimed;
  }

  async deleteAll(): Promise<number> {
    return 0;
  }
}

function serviceWith(store: EventStore) {
  const counted = { stored: 0, duplicates: 0, view: 0 };
  const metrics = {
    recordBatch: async (batch: BatchRecord) => {
      counted.stored += batch.stored;
      counted.duplicates += batch.duplicates;
      counted.view += batch.storedByType.view ?? 0;
    },
  } as unknown as EventMetricsStore;
  return { service: new StoreEventBatchService(store, metrics), counted };
}

/** What the consumer sends back to the queue after a write: the events not done, as they would travel. */
function retried(events: InteractionEvent[], outcomes: Awaited<ReturnType<StoreEventBatchService['write']>>): InteractionEvent[] {
  return events.flatMap((item, index) => {
    const outcome = outcomes[index];
    return outcome.kind === 'unconfirmed' ? [withUnconfirmedWrite(item, outcome.batchId)] : outcome.kind === 'rejected' ? [item] : [];
  });
}

describe('StoreEventBatchService', () => {
  it('counts the events of a cut-off write as stored when their retry finds them in place, not as duplicates', async () => {
    const store = new DocumentsByEventId();
    const { service, counted } = serviceWith(store);
    const batch = ['a', 'b', 'c', 'd'].map(event);
    store.cutOffAfter = 2;
    const first = await service.write(batch);
    expect(first.map((outcome) => outcome.kind)).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed', 'unconfirmed']);
    expect(counted).toEqual({ stored: 0, duplicates: 0, view: 0 });

    // The retry goes into a new batch with events of other deliveries and a client duplicate of one of them.
    const retry = [...retried(batch, first), event('e'), event('a')];
    const second = await service.write(retry);
    expect(second.map((outcome) => outcome.kind)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored', 'duplicate']);
    expect(counted).toEqual({ stored: 5, duplicates: 1, view: 5 });
    expect(store.batchIdOf.size).toBe(counted.stored);
  });

  it('counts a claimed document once when the batch that claimed it is delivered again', async () => {
    const store = new DocumentsByEventId();
    const { service, counted } = serviceWith(store);
    store.cutOffAfter = 1;
    const retry = retried([event('a'), event('b')], await service.write([event('a'), event('b')]));
    await service.write(retry);
    // A re-delivery of the same events (their acknowledgement was lost) carries the same unconfirmed write.
    expect((await service.write(retry)).map((outcome) => outcome.kind)).toEqual(['duplicate', 'duplicate']);
    expect(counted).toEqual({ stored: 2, duplicates: 2, view: 2 });
    expect(store.batchIdOf.size).toBe(counted.stored);
  });

  it('carries every failed write when a retry is cut off too', async () => {
    const store = new DocumentsByEventId();
    const { service, counted } = serviceWith(store);
    store.cutOffAfter = 1;
    const once = retried([event('a'), event('b'), event('c')], await service.write([event('a'), event('b'), event('c')]));
    store.cutOffAfter = 1;
    const twice = retried(once, await service.write(once));
    expect(twice.map((item) => item.unconfirmedWrites?.length)).toEqual([2, 2, 2]);
    await service.write(twice);
    expect(counted).toEqual({ stored: 3, duplicates: 0, view: 3 });
  });

  it('makes no claim for a batch whose duplicates carry no failed write', async () => {
    const store = new DocumentsByEventId();
    const { service, counted } = serviceWith(store);
    await service.write([event('a')]);
    await service.write([event('a'), event('b')]);
    expect(store.claims).toBe(0);
    expect(counted).toEqual({ stored: 2, duplicates: 1, view: 2 });
  });

  it('reports a failed claim as a failed write, so the batch comes back carrying its own batchId too', async () => {
    const store = new DocumentsByEventId();
    const { service, counted } = serviceWith(store);
    store.cutOffAfter = 1;
    const retry = retried([event('a'), event('b')], await service.write([event('a'), event('b')]));
    const claim = store.claimUnconfirmed.bind(store);
    store.claimUnconfirmed = async () => {
      throw new Error('connection closed');
    };
    const failed = await service.write(retry);
    expect(failed.map((outcome) => outcome.kind)).toEqual(['unconfirmed', 'unconfirmed']);
    store.claimUnconfirmed = claim;
    await service.write(retried(retry, failed));
    expect(counted).toEqual({ stored: 2, duplicates: 0, view: 2 });
  });
});
