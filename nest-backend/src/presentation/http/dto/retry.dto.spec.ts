import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MAX_RETRY_SELECTION } from '../../../domain/retry-scope';
import { FailedJobParams, LaneQuery, RetryDeadLettersBody } from './retry.dto';

// The pipe as bootstrap.ts installs it.
const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const asBody = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function problems(value: unknown, metatype: ArgumentMetadata['metatype'], type: ArgumentMetadata['type'] = 'body'): Promise<string[]> {
  try {
    await pipe.transform(value, { type, metatype });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { message: string[] }).message;
  }
}

const ids = (count: number) => Array.from({ length: count }, () => randomUUID());

describe('the dead-letter selection (RetryDeadLettersBody)', () => {
  it('accepts no body (retry all), and 1 to MAX_RETRY_SELECTION distinct order ids', async () => {
    expect(await pipe.transform(undefined, asBody(RetryDeadLettersBody))).toEqual({});
    expect(await problems({}, RetryDeadLettersBody)).toEqual([]);
    expect(await problems({ orderIds: ids(1) }, RetryDeadLettersBody)).toEqual([]);
    expect(await problems({ orderIds: ids(MAX_RETRY_SELECTION) }, RetryDeadLettersBody)).toEqual([]);
  });

  it('refuses an empty selection: leaving orderIds out is how all are retried', async () => {
    expect(await problems({ orderIds: [] }, RetryDeadLettersBody)).toEqual([expect.stringMatching(/at least one order/)]);
  });

  it(`refuses more than ${MAX_RETRY_SELECTION} ids`, async () => {
    expect(await problems({ orderIds: ids(MAX_RETRY_SELECTION + 1) }, RetryDeadLettersBody)).toEqual([`orderIds must name at most ${MAX_RETRY_SELECTION} orders`]);
  });

  it('refuses an id named twice', async () => {
    const [id] = ids(1);
    expect(await problems({ orderIds: [id, randomUUID(), id] }, RetryDeadLettersBody)).toEqual(['orderIds must not name an order twice']);
  });

  it.each([
    ['not a UUID', ['order-1']],
    ['a number', [42]],
    ['null', [null]],
    ['a UUID with a trailing space', [`${randomUUID()} `]],
  ])('refuses an id that is %s', async (_case, orderIds) => {
    expect(await problems({ orderIds }, RetryDeadLettersBody)).toContain('each of orderIds must be an order id (a UUID)');
  });

  it.each([
    ['a string', randomUUID()],
    ['an object', { id: randomUUID() }],
  ])('refuses orderIds that is %s, not an array', async (_case, orderIds) => {
    expect(await problems({ orderIds }, RetryDeadLettersBody)).toContain('orderIds must be an array of order ids');
  });

  it('refuses any other property', async () => {
    expect(await problems({ orderIds: ids(1), runId: randomUUID() }, RetryDeadLettersBody)).toEqual(['property runId should not exist']);
  });
});

describe('the lane and job of a failed-job retry', () => {
  const runId = randomUUID();

  it('takes the lanes vip and normal only', async () => {
    expect(await problems({ lane: 'vip' }, LaneQuery, 'query')).toEqual([]);
    expect(await problems({ lane: 'normal' }, LaneQuery, 'query')).toEqual([]);
    for (const lane of ['VIP', 'both', '', undefined]) expect(await problems({ lane }, LaneQuery, 'query')).toEqual(['lane must be one of vip, normal']);
  });

  it.each([`${runId}:VIP:0-5000`, `${runId}:NORMAL:12-13:alone-1765000000000`, `${runId}:VIP:0-100:repair-1765000000000`, `${runId}:NORMAL:0-100:retry-1765000000000`])(
    'takes the job id %s',
    async (jobId) => {
      expect(await problems({ lane: 'vip', jobId }, FailedJobParams, 'param')).toEqual([]);
    },
  );

  it.each(['42', `${runId}:LOW:0-5`, `${runId}:VIP:0-`, `${runId}:VIP:0-5:tag with spaces`, `${runId}:VIP:0-5:${'x'.repeat(41)}`, `x${runId}:VIP:0-5`])(
    'refuses the job id %s',
    async (jobId) => {
      expect(await problems({ lane: 'vip', jobId }, FailedJobParams, 'param')).toContain('jobId must be a job id like <runId>:VIP:0-5000');
    },
  );
});
