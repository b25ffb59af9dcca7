import { BadRequestException } from '@nestjs/common';
import { IsInt } from 'class-validator';
import { AppValidationPipe } from './app-validation.pipe';
import { NoQuery } from './dto/no-query.dto';

class Paged {
  @IsInt() page!: number;
}

describe('AppValidationPipe', () => {
  const pipe = new AppValidationPipe();

  it('passes an empty query of a route that takes none as it is', async () => {
    const query = {};
    expect(await pipe.transform(query, { type: 'query', metatype: NoQuery })).toBe(query);
  });

  it('still refuses a query given to a route that takes none, naming each parameter', async () => {
    const refused = await pipe.transform({ confirm: 'false' }, { type: 'query', metatype: NoQuery }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toMatchObject({ message: ['property confirm should not exist'] });
  });

  it('validates and transforms every other DTO as the ValidationPipe does', async () => {
    await expect(pipe.transform({}, { type: 'query', metatype: Paged })).rejects.toBeInstanceOf(BadRequestException);
    expect(await pipe.transform({ page: 2 }, { type: 'query', metatype: Paged })).toBeInstanceOf(Paged);
  });
});
