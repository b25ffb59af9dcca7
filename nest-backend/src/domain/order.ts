export const TIERS = ['BRONZE', 'PRATA', 'OURO', 'DIAMANTE'] as const;
export type Tier = (typeof TIERS)[number];

export const PRIORITIES = ['VIP', 'NORMAL'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type OrderStatus = 'pendente' | 'processado' | 'falhou';

export const OBSERVATION_AFTER_PROCESSING: Record<Priority, string> = {
  VIP: 'enviado com prioridade',
  NORMAL: 'processado sem prioridade',
};

/** VIP exactly when the customer's tier is DIAMANTE. */
export function priorityOfTier(tier: Tier): Priority {
  return tier === 'DIAMANTE' ? 'VIP' : 'NORMAL';
}

export interface Order {
  id: string;
  cliente: string;
  valor: number;
  tier: Tier;
  priority: Priority;
  observacoes: string;
  status: OrderStatus;
  createdAt: Date;
  processedAt: Date | null;
  runId: string;
  /** Position of the order among the orders of the same run and priority (0-based, gap-free): jobs address orders by ranges of it. */
  seq: number;
  /** The job that processes this order (`jobOfSeq(seq, run.ordersPerJob)`): workers select a job's orders by equality on it. */
  job: number;
  /** How many times a worker wrote this order: 1 for every processed order proves exactly-once in effect. */
  attempts: number;
}
