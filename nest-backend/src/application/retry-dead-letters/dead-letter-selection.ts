import { DeadLetter } from '../../domain/dead-letter';

/** The selected order ids that have no open dead letter among `found`, in the order they were asked for. */
export function missingFromSelection(orderIds: readonly string[], found: readonly DeadLetter[]): string[] {
  const open = new Set(found.map((letter) => letter.orderId));
  return orderIds.filter((orderId) => !open.has(orderId));
}
