import { prioritiesOf, sortKeyFor, statusesOf } from '../../domain/order-search';
import { checkFilters } from './order-filters';

const at = (iso: string) => new Date(iso);

describe('order filters', () => {
  it('refuses a tier of the other priority, and takes one of its own', () => {
    expect(() => checkFilters({ tier: 'DIAMANTE', priority: 'NORMAL' })).toThrow(/tier DIAMANTE is always priority VIP, never NORMAL/);
    expect(() => checkFilters({ tier: 'OURO', priority: 'VIP' })).toThrow(/always priority NORMAL/);
    expect(() => checkFilters({ tier: 'OURO', priority: 'NORMAL' })).not.toThrow();
  });

  it('refuses a range that ends before it starts (the end is exclusive)', () => {
    expect(() => checkFilters({ createdAt: { from: at('2026-12-02T10:00:00Z'), to: at('2026-12-02T10:00:00Z') } })).toThrow(/createdFrom must be before createdTo/);
    expect(() => checkFilters({ processedAt: { from: at('2026-12-02T11:00:00Z'), to: at('2026-12-02T10:00:00Z') } })).toThrow(/processedFrom/);
    expect(() => checkFilters({ processedAt: { from: at('2026-12-02T10:00:00Z') } })).not.toThrow();
  });

  it('refuses a processedAt range for pending orders, which have none', () => {
    expect(() => checkFilters({ status: 'pendente', processedAt: { to: at('2026-12-02T10:00:00Z') } })).toThrow(/pending order has no processedAt/);
  });

  it('lists by name with a customer prefix, by creation with a creation range alone, and by lane otherwise', () => {
    expect(sortKeyFor({ clientePrefix: 'Ana', createdAt: { from: at('2026-01-01T00:00:00Z') } })).toBe('cliente');
    expect(sortKeyFor({ createdAt: { from: at('2026-01-01T00:00:00Z') }, status: 'falhou' })).toBe('createdAt');
    expect(sortKeyFor({ createdAt: { from: at('2026-01-01T00:00:00Z') }, processedAt: { to: at('2027-01-01T00:00:00Z') } })).toBe('lane');
    expect(sortKeyFor({ runId: 'r', tier: 'PRATA' })).toBe('lane');
  });

  it('reads the priorities from the tier when only the tier is given', () => {
    expect(prioritiesOf({ tier: 'DIAMANTE' })).toEqual(['VIP']);
    expect(prioritiesOf({ tier: 'BRONZE' })).toEqual(['NORMAL']);
    expect(prioritiesOf({})).toEqual(['VIP', 'NORMAL']);
    expect(statusesOf({})).toEqual(['pendente', 'processado', 'falhou']);
    expect(statusesOf({ status: 'falhou' })).toEqual(['falhou']);
  });
});
