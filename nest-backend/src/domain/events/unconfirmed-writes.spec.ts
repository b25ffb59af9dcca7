import { InteractionEvent } from './interaction-event';
import { claimableDuplicates, settleDuplicates, withUnconfirmedWrite } from './unconfirmed-writes';

const event = (eventId: string, unconfirmedWrites?: string[]): InteractionEvent => ({
  eventId,
  userId: 'u',
  eventType: 'view',
  sessionId: 's',
  eventData: {},
  occurredAt: 0,
  receivedAt: 0,
  ...(unconfirmedWrites && { unconfirmedWrites }),
});

describe('withUnconfirmedWrite', () => {
  it('adds the failed write to the ones the event already carries, leaving the event given unchanged', () => {
    const original = event('a');
    const once = withUnconfirmedWrite(original, 'w1');
    expect(once.unconfirmedWrites).toEqual(['w1']);
    expect(withUnconfirmedWrite(once, 'w2').unconfirmedWrites).toEqual(['w1', 'w2']);
    expect(original.unconfirmedWrites).toBeUndefined();
  });
});

describe('claimableDuplicates', () => {
  it('asks nothing when no duplicate carries an unconfirmed write (the usual write, and a client duplicate)', () => {
    expect(claimableDuplicates([event('a'), event('b')], { stored: 1, duplicates: [1], rejected: [] })).toBeNull();
    expect(claimableDuplicates([event('a', ['w1'])], { stored: 1, duplicates: [], rejected: [] })).toBeNull();
  });

  it('names the duplicates that carry unconfirmed writes, and every such write once', () => {
    const events = [event('a', ['w1']), event('b', ['w1', 'w2']), event('c'), event('d', ['w3'])];
    expect(claimableDuplicates(events, { stored: 1, duplicates: [0, 1, 2], rejected: [] })).toEqual({ eventIds: ['a', 'b'], writeIds: ['w1', 'w2'] });
  });

  it('leaves out an eventId this write stored itself: its second copy is a plain duplicate', () => {
    const events = [event('a'), event('a', ['w1']), event('b', ['w1'])];
    expect(claimableDuplicates(events, { stored: 1, duplicates: [1, 2], rejected: [] })).toEqual({ eventIds: ['b'], writeIds: ['w1'] });
    expect(claimableDuplicates([event('a'), event('a', ['w1'])], { stored: 1, duplicates: [1], rejected: [] })).toBeNull();
  });

  it('does not take a refused copy for one this write stored', () => {
    const events = [event('a'), event('a', ['w1'])];
    expect(claimableDuplicates(events, { stored: 0, duplicates: [1], rejected: [{ index: 0, reason: 'refused' }] })).toEqual({ eventIds: ['a'], writeIds: ['w1'] });
  });
});

describe('settleDuplicates', () => {
  it('counts a claimed document as a late store, every other duplicate as a duplicate', () => {
    const events = [event('a', ['w1']), event('b', ['w1']), event('c')];
    expect(settleDuplicates(events, [0, 1, 2], new Set(['a']))).toEqual({ lateStored: [0], duplicates: [1, 2] });
  });

  it('counts one late store per claimed document, even for two copies of its event in the batch', () => {
    const events = [event('a', ['w1']), event('x'), event('a', ['w1'])];
    expect(settleDuplicates(events, [0, 2], new Set(['a']))).toEqual({ lateStored: [0], duplicates: [2] });
  });

  it('without claims leaves every duplicate a duplicate', () => {
    expect(settleDuplicates([event('a'), event('b')], [0, 1], new Set())).toEqual({ lateStored: [], duplicates: [0, 1] });
  });
});
