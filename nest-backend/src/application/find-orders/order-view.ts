import type { OrderView as ContractOrderView } from '@pedidos/contract';
import { Order } from '../../domain/order';

/** An order as clients see it (the contract's `OrderView`): instants as ISO strings. */
export type OrderView = ContractOrderView;

export function toOrderView(order: Order & { failureReason?: string }): OrderView {
  return {
    id: order.id,
    runId: order.runId,
    cliente: order.cliente,
    valor: order.valor,
    tier: order.tier,
    priority: order.priority,
    status: order.status,
    observacoes: order.observacoes,
    createdAt: order.createdAt.toISOString(),
    processedAt: order.processedAt?.toISOString() ?? null,
    attempts: order.attempts,
    seq: order.seq,
    job: order.job,
    ...(order.failureReason ? { failureReason: order.failureReason } : {}),
  };
}
