'use strict';
// Orders shaped as the pipeline stores them (one VIP in four, per-priority seq, the job key), for the index and
// update-plan benches that fill a collection of their own.

const NAMES = ['Ana Silva', 'Bruno Souza', 'Carla Lima', 'João Gomes', 'Sofia Alves'];

function sampleOrders(count, ordersPerJob) {
  const now = new Date();
  const seqs = { VIP: 0, NORMAL: 0 };
  return Array.from({ length: count }, (_, i) => {
    const priority = i % 4 === 0 ? 'VIP' : 'NORMAL';
    const seq = seqs[priority]++;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      cliente: NAMES[i % NAMES.length], valor: 123.45, tier: priority === 'VIP' ? 'DIAMANTE' : 'PRATA', priority,
      observacoes: 'sem observações adicionais', status: 'pendente', createdAt: now, processedAt: null,
      runId: 'r', seq, job: Math.floor(seq / ordersPerJob), attempts: 0,
    };
  });
}

module.exports = { sampleOrders };
