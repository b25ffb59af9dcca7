import { performance } from 'node:perf_hooks';
import { makeOrders } from '../src/application/generate-orders/order-factory';
import { median, ratePerSecond } from './stats';

const ROUNDS = 5;

export interface GenerationResult {
  orders: number;
  chunkSize: number;
  rounds: number[];
  /** CPU time of each round: unlike wall time, not inflated when other processes share the cores. */
  cpuRounds: number[];
  /** Median of the rounds; the target is under 2,000 ms for 1,000,000 orders. */
  generationMs: number;
  generationRate: number;
  cpuMs: number;
}

/** Times makeOrders for `orders` orders in chunks, in memory only, as the orchestrator calls it. */
export function timeGeneration(orders: number, chunkSize: number): GenerationResult {
  const rounds: number[] = [];
  const cpuRounds: number[] = [];
  let keep = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cursor = { vip: 0, normal: 0 };
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let made = 0; made < orders; made += chunkSize) {
      const chunk = makeOrders({ runId: 'generation-bench', ordersPerJob: 5_000, cursor: cursor }, Math.min(chunkSize, orders - made), new Date());
      keep += chunk.length; // the chunk is dropped here, as after its insert
    }
    rounds.push(Math.round(performance.now() - started));
    const cpu = process.cpuUsage(cpuStarted);
    cpuRounds.push(Math.round((cpu.user + cpu.system) / 1000));
  }
  if (keep !== orders * ROUNDS) throw new Error('generation made the wrong number of orders');
  const generationMs = median(rounds);
  return { orders, chunkSize, rounds, cpuRounds, generationMs, generationRate: ratePerSecond(orders, generationMs), cpuMs: median(cpuRounds) };
}
