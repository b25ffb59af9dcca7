import { DeadLetter } from '../../domain/dead-letter';
import { missingFromSelection } from './dead-letter-selection';

const letter = (orderId: string): DeadLetter => ({ runId: 'run-1', orderId, priority: 'VIP', seq: 0, reason: 'boom', attempts: 5, failedAt: new Date(0), retriedAt: null });

describe('missingFromSelection', () => {
  it('is empty when every selected order has an open dead letter', () => {
    expect(missingFromSelection(['a', 'b'], [letter('b'), letter('a')])).toEqual([]);
  });

  it('names the selected orders without one, in the order asked for', () => {
    expect(missingFromSelection(['c', 'a', 'd'], [letter('a')])).toEqual(['c', 'd']);
    expect(missingFromSelection(['a'], [])).toEqual(['a']);
  });
});
