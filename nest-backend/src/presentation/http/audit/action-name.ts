import { QUEUE_BOARD_ROUTE } from '../queue-board.module';

/** The action Bull Board's own API performs (which one is in the entry's method and path). */
export const QUEUE_BOARD_ACTION = 'queue-board';

/**
 * The audit name of a control route: its path pattern read as a name, so a new route is named without a list to
 * keep: `/pedidos/generate` → `generate`, `/pedidos/queue/pause` → `queue.pause`, `/events/reset` → `events.reset`.
 * Everything under Bull Board is `queue-board`.
 */
export function actionName(routePath: string): string {
  if (routePath === QUEUE_BOARD_ROUTE || routePath.startsWith(`${QUEUE_BOARD_ROUTE}/`)) return QUEUE_BOARD_ACTION;
  const segments = routePath.split('/').filter(Boolean);
  if (segments[0] === 'pedidos' && segments.length > 1) segments.shift();
  return segments.join('.') || 'root';
}
