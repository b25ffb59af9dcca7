import { InteractionEvent } from '../../../domain/events/interaction-event';
import { EventBatchAccumulator, EventOutcome } from './event-batch-accumulator';

const event = (eventId: string): InteractionEvent => ({ eventId, userId: 'u', eventType: 'view', sessionId: 's', eventData: {}, occurredAt: 0, receivedAt: 0 });
const events = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => event(`${prefix}${i}`));

/** A writer that records each batch and answers with `outcome` for every event (or per event id). */
function recordingWriter(outcome: (event: InteractionEvent) => EventOutcome = () => ({ kind: 'stored' })) {
  const batches: string[][] = [];
  const write = async (batch: InteractionEvent[]) => {
    batches.push(batch.map((item) => item.eventId));
    return batch.map(outcome);
  };
  return { batches, write };
}

describe('EventBatchAccumulator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes a batch below the size once its oldest event is flushMs old, and resolves each delivery after it', async () => {
    const writer = recordingWriter();
    const accumulator = new EventBatchAccumulator({ size: 10, flushMs: 500 }, writer.write);
    let done = false;
    const first = accumulator.add(events('a', 3)).then((outcomes) => ((done = true), outcomes));
    jest.advanceTimersByTime(200);
    const second = accumulator.add(events('b', 2));
    jest.advanceTimersByTime(299);
    await Promise.resolve();
    expect(writer.batches).toEqual([]);
    expect(done).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await first).toEqual(Array(3).fill({ kind: 'stored' }));
    expect(await second).toHaveLength(2);
    expect(writer.batches).toEqual([['a0', 'a1', 'a2', 'b0', 'b1']]);
  });

  it('writes full batches at once, splitting a large delivery across batches', async () => {
    const writer = recordingWriter();
    const accumulator = new EventBatchAccumulator({ size: 4, flushMs: 10_000 }, writer.write);
    const delivery = accumulator.add(events('a', 10));
    // Two batches go out at once (two writes in flight), the third when one finishes; the 2 left wait for age.
    await jest.advanceTimersByTimeAsync(0);
    expect(writer.batches.map((batch) => batch.length)).toEqual([4, 4]);
    expect(accumulator.size).toBe(2);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(await delivery).toHaveLength(10);
    expect(writer.batches.map((batch) => batch.length)).toEqual([4, 4, 2]);
  });

  it('reports each event of a batch with its own outcome, and a failed write as rejected for all its events', async () => {
    const mixed = recordingWriter((item) => (item.eventId === 'a1' ? { kind: 'duplicate' } : item.eventId === 'a2' ? { kind: 'rejected', reason: 'bad' } : { kind: 'stored' }));
    const accumulator = new EventBatchAccumulator({ size: 3, flushMs: 100 }, mixed.write);
    expect(await accumulator.add(events('a', 3))).toEqual([{ kind: 'stored' }, { kind: 'duplicate' }, { kind: 'rejected', reason: 'bad' }]);

    const failing = new EventBatchAccumulator({ size: 2, flushMs: 100 }, async () => {
      throw new Error('database away');
    });
    expect(await failing.add(events('b', 2))).toEqual(Array(2).fill({ kind: 'rejected', reason: 'database away' }));
  });

  it('flushAll writes what is held at once, whatever its age', async () => {
    const writer = recordingWriter();
    const accumulator = new EventBatchAccumulator({ size: 100, flushMs: 60_000 }, writer.write);
    const delivery = accumulator.add(events('a', 5));
    accumulator.flushAll();
    expect(await delivery).toHaveLength(5);
    expect(writer.batches).toEqual([['a0', 'a1', 'a2', 'a3', 'a4']]);
  });

  it('tells who listens how many events it holds and since when', async () => {
    const changes: [number, number | null][] = [];
    const accumulator = new EventBatchAccumulator({ size: 2, flushMs: 100 }, recordingWriter().write, (size, oldestAt) => changes.push([size, oldestAt]), () => 42);
    await accumulator.add(events('a', 2));
    expect(changes).toEqual([
      [2, 42],
      [0, null],
    ]);
  });
});
