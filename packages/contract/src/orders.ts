/** Wire types of `GET /pedidos/orders` and `GET /pedidos/orders/:id` (docs/api.md, "Finding orders"). */
import type { Phase, Priority } from './phases';

export type Tier = 'BRONZE' | 'PRATA' | 'OURO' | 'DIAMANTE';
export type OrderStatus = 'pendente' | 'processado' | 'falhou';
export type OrderSortKey = 'lane' | 'cliente' | 'createdAt';

export const TIERS: readonly Tier[] = ['BRONZE', 'PRATA', 'OURO', 'DIAMANTE'];
export const ORDER_STATUSES: readonly OrderStatus[] = ['pendente', 'processado', 'falhou'];

export interface OrderView {
  id: string;
  runId: string;
  cliente: string;
  valor: number;
  tier: Tier;
  priority: Priority;
  status: OrderStatus;
  observacoes: string;
  createdAt: string;
  processedAt: string | null;
  attempts: number;
  seq: number;
  job: number;
  failureReason?: string;
}

export interface OrderSearchPage {
  items: OrderView[];
  nextCursor: string | null;
  limit: number;
  sortedBy: OrderSortKey;
}

export interface OrderStory {
  order: OrderView;
  run: { runId: string; phase: Phase; createdAt: string; finishedAt: string | null; ordersPerJob: number } | null;
  job: { key: number; id: string | null; from: number | null; to: number | null };
  lane: { priority: Priority; size: number | null; processedBefore: number | null; processedTogether: number | null; countTimedOut: boolean };
  deadLetter: { reason: string; attempts: number; failedAt: string; retriedAt: string | null } | null;
}
