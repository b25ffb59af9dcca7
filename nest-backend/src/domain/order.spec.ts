import { OBSERVATION_AFTER_PROCESSING, TIERS, priorityOfTier } from './order';

describe('priorityOfTier', () => {
  it('makes DIAMANTE customers VIP', () => {
    expect(priorityOfTier('DIAMANTE')).toBe('VIP');
  });

  it.each(['BRONZE', 'PRATA', 'OURO'] as const)('keeps %s customers NORMAL', (tier) => {
    expect(priorityOfTier(tier)).toBe('NORMAL');
  });

  it('gives VIP to exactly one tier', () => {
    expect(TIERS.filter((tier) => priorityOfTier(tier) === 'VIP')).toEqual(['DIAMANTE']);
  });
});

describe('observation written when an order is processed', () => {
  it('tells VIP orders they were sent with priority', () => {
    expect(OBSERVATION_AFTER_PROCESSING.VIP).toBe('enviado com prioridade');
  });

  it('tells NORMAL orders they were processed without priority', () => {
    expect(OBSERVATION_AFTER_PROCESSING.NORMAL).toBe('processado sem prioridade');
  });
});
