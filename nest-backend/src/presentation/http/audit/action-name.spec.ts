import { actionName } from './action-name';

describe('actionName', () => {
  it('reads the route pattern as a name', () => {
    expect(
      ['/pedidos/generate', '/pedidos/queue/pause', '/pedidos/dead-letters/retry', '/events/dead-letters/retry', '/events/reset', '/pedidos/queue/:lane/retry'].map(actionName),
    ).toEqual(['generate', 'queue.pause', 'dead-letters.retry', 'events.dead-letters.retry', 'events.reset', 'queue.:lane.retry']);
  });

  it('names everything under Bull Board queue-board', () => {
    expect(actionName('/admin/queues/api/queues/:queueName/pause')).toBe('queue-board');
    expect(actionName('/admin/queues')).toBe('queue-board');
    expect(actionName('/admin/queuesx')).toBe('admin.queuesx');
  });
});
