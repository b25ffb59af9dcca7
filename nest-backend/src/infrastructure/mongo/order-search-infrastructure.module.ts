import { Module } from '@nestjs/common';
import { OrderSearch } from '../../domain/ports/order-search.port';
import { MongoOrderSearch } from './mongo-order-search';

/** Binds the operators' order reads; API processes only (workers never search). Uses the models InfrastructureModule registers. */
@Module({
  providers: [{ provide: OrderSearch, useClass: MongoOrderSearch }],
  exports: [OrderSearch],
})
export class OrderSearchInfrastructureModule {}
