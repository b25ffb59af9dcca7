import { ValidationPipe } from '@nestjs/common';
import { OrdersQuery, filtersOf } from './orders-query.dto';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const parse = (query: Record<string, string>) => pipe.transform(query, { type: 'query', metatype: OrdersQuery }) as Promise<OrdersQuery>;
const messages = async (query: Record<string, string>) => {
  try {
    await parse(query);
    return [];
  } catch (error) {
    return (error as { getResponse(): { message: string[] } }).getResponse().message;
  }
};

describe('GET /pedidos/orders query', () => {
  it('reads every filter into the domain terms', async () => {
    const query = await parse({
      runId: '6F1C2A9E-4B1D-4C3E-9A5F-0123456789AB',
      tier: 'OURO',
      status: 'processado',
      cliente: 'Ana',
      createdFrom: '2026-12-02T10:00:00Z',
      processedTo: '2026-12-02T11:00:00.500-03:00',
      limit: '20',
    });
    expect(query.limit).toBe(20);
    expect(filtersOf(query)).toEqual({
      runId: '6f1c2a9e-4b1d-4c3e-9a5f-0123456789ab',
      tier: 'OURO',
      status: 'processado',
      clientePrefix: 'Ana',
      createdAt: { from: new Date('2026-12-02T10:00:00Z') },
      processedAt: { to: new Date('2026-12-02T14:00:00.500Z') },
    });
  });

  it('defaults to 50 orders a page', async () => {
    expect((await parse({})).limit).toBe(50);
  });

  it.each([
    [{ tier: 'GOLD' }, /tier must be one of BRONZE, PRATA, OURO, DIAMANTE/],
    [{ priority: 'vip' }, /priority must be one of VIP, NORMAL/],
    [{ status: 'done' }, /status must be one of pendente, processado, falhou/],
    [{ runId: 'run-1' }, /runId must be a UUID/],
    [{ limit: '0' }, /limit must be at least 1/],
    [{ limit: '201' }, /limit must be at most 200/],
    [{ limit: '1e2' }, /limit must be a whole number/],
    [{ createdFrom: '2026-12-02' }, /createdFrom must be an ISO 8601 date-time with its zone/],
    [{ processedTo: '2026-12-02T10:00:00' }, /processedTo must be an ISO 8601 date-time with its zone/],
    [{ processedFrom: '2026-02-30T10:00:00Z' }, /processedFrom is not a real date and time/],
    [{ cliente: '' }, /cliente must be 1 to 100 characters/],
    [{ page: '2' }, /property page should not exist/],
  ])('refuses %j', async (query, message) => {
    expect((await messages(query as Record<string, string>)).join('; ')).toMatch(message);
  });
});
