import { Order, TIERS, priorityOfTier } from '../../domain/order';
import { jobOfSeq } from '../../domain/order-slices';
import { randomUuids } from './random-uuids';

const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Felipe', 'Gabriela', 'Heitor', 'Isabela', 'João', 'Larissa', 'Marcos', 'Natália', 'Otávio', 'Paula', 'Rafael', 'Sofia', 'Thiago', 'Valéria', 'Yuri'];
const LAST_NAMES = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes'];
/** Every "First Last" pair, built once: making an order then builds no string but its id. */
const CUSTOMER_NAMES: readonly (readonly string[])[] = FIRST_NAMES.map((first) => LAST_NAMES.map((last) => `${first} ${last}`));
const PHRASES = [
  'entregar em horário comercial',
  'cliente pediu embalagem para presente',
  'deixar com o porteiro',
  'ligar antes de entregar',
  'produto frágil, manusear com cuidado',
  'pagamento confirmado via pix',
  'enviar nota fiscal por e-mail',
  'primeira compra do cliente',
  'retirar na loja se possível',
  'sem observações adicionais',
];

/** Next free `seq` per priority; advanced as orders are made. */
export interface SequenceCursor {
  vip: number;
  normal: number;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Where new orders go: their run, the job size that gives each its job key, and the next `seq` per priority. */
export interface OrderBatchPlace {
  runId: string;
  ordersPerJob: number;
  cursor: SequenceCursor;
}

/** Makes `count` new pending orders of a run, numbering each priority's orders on from the cursor. */
export function makeOrders({ runId, ordersPerJob, cursor }: OrderBatchPlace, count: number, now: Date, random: () => number = Math.random): Order[] {
  const orders = new Array<Order>(count);
  const ids = randomUuids(count);
  for (let i = 0; i < count; i++) {
    const tier = pick(TIERS, random);
    const priority = priorityOfTier(tier);
    const seq = priority === 'VIP' ? cursor.vip++ : cursor.normal++;
    orders[i] = {
      id: ids[i],
      cliente: pick(pick(CUSTOMER_NAMES, random), random),
      valor: Math.round(random() * 500000 + 100) / 100,
      tier,
      priority,
      observacoes: pick(PHRASES, random),
      status: 'pendente',
      createdAt: now,
      processedAt: null,
      runId,
      seq,
      job: jobOfSeq(seq, ordersPerJob),
      attempts: 0,
    };
  }
  return orders;
}
