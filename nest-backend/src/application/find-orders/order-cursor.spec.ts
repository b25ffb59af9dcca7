import { OrderFilters } from '../../domain/order-search';
import { InvalidOrderCursorError } from '../../domain/order-search-errors';
import { decodeCursor, encodeCursor, filtersFingerprint } from './order-cursor';

const RUN = '6f1c2a9e-4b1d-4c3e-9a5f-0123456789ab';
const filters: OrderFilters = { status: 'processado', processedAt: { from: new Date('2026-12-02T10:00:00Z') } };
const position = { key: '2026-12-02T10:00:01.250Z', tiebreak: '6b0f8fda734d76ff1d31b11e' };

describe('order cursor', () => {
  it('gives back the run and position it was made from, for the same filters', () => {
    const cursor = encodeCursor({ runId: RUN, position }, filters);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { ...filters }, 'lane')).toEqual({ runId: RUN, position });
  });

  it('keeps a null key (an order not processed yet) in the lane listing', () => {
    const cursor = encodeCursor({ runId: RUN, position: { key: null, tiebreak: position.tiebreak } }, {});
    expect(decodeCursor(cursor, {}, 'lane').position.key).toBeNull();
    expect(() => decodeCursor(cursor, {}, 'createdAt')).toThrow(/does not fit a search sorted by createdAt/);
  });

  it('refuses a cursor of a search with other filters', () => {
    const cursor = encodeCursor({ runId: RUN, position }, filters);
    expect(() => decodeCursor(cursor, { ...filters, tier: 'OURO' }, 'lane')).toThrow(/other filters/);
    expect(() => decodeCursor(cursor, { status: 'processado' }, 'lane')).toThrow(InvalidOrderCursorError);
  });

  it('fingerprints filters the same whatever order they come in, and differently when a value differs', () => {
    expect(filtersFingerprint({ tier: 'OURO', status: 'falhou' })).toBe(filtersFingerprint({ status: 'falhou', tier: 'OURO' }));
    expect(filtersFingerprint({ createdAt: { from: new Date(1) } })).not.toBe(filtersFingerprint({ createdAt: { to: new Date(1) } }));
    expect(filtersFingerprint({ clientePrefix: 'Ana' })).not.toBe(filtersFingerprint({ clientePrefix: 'Ana ' }));
  });

  it.each([
    ['not base64url', 'abc$%^', /not a cursor this API made/],
    ['not JSON', Buffer.from('{"v":1').toString('base64url'), /cannot be read/],
    ['another version', Buffer.from(JSON.stringify({ v: 2 })).toString('base64url'), /not a cursor this API made/],
    ['too long', 'a'.repeat(600), /not a cursor this API made/],
  ])('refuses a cursor that is %s', (_name, raw, message) => {
    expect(() => decodeCursor(raw, {}, 'lane')).toThrow(message);
  });

  it('refuses a cursor whose run is not a run id, or not the run searched', () => {
    const forged = (body: object) => Buffer.from(JSON.stringify({ v: 1, f: filtersFingerprint({}), k: null, t: 'x', ...body })).toString('base64url');
    expect(() => decodeCursor(forged({ r: 'run-1' }), {}, 'lane')).toThrow(/not a run id/);
    const other = '00000000-0000-4000-8000-000000000000';
    const cursor = encodeCursor({ runId: other, position }, { runId: RUN });
    expect(() => decodeCursor(cursor, { runId: RUN }, 'lane')).toThrow(/not the run searched/);
  });

  it('refuses a position whose key cannot be of the listing', () => {
    const byName = encodeCursor({ runId: RUN, position: { key: 'Ana Silva', tiebreak: position.tiebreak } }, {});
    expect(() => decodeCursor(byName, {}, 'lane')).toThrow(/does not fit/);
    expect(decodeCursor(byName, {}, 'cliente').position.key).toBe('Ana Silva');
    const badInstant = encodeCursor({ runId: RUN, position: { key: '2026-13-45T99:00:00.000Z', tiebreak: 'x' } }, {});
    expect(() => decodeCursor(badInstant, {}, 'createdAt')).toThrow(/does not fit/);
  });
});
