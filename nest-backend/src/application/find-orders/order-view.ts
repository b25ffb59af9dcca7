import { Order } from '../../domain/order';

/** An order as clients see it: instants as ISO strings. */
export interface OrderView {
  id: string;
  runId: string;
  cliente: string;
  valor: number;
  tier: Order['tier'];
  priority: Order['priority'];
  status: Order['status'];
  observacoes: string;
  createdAt: string;
  processedAt: string | null;
  attempts: number;
  seq: number;
  job: number;
  /** Why it failed for good (status `falhou`). */
  failureReason?: string;
}

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
