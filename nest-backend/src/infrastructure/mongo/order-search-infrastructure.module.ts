import { Module } from '@nestjs/common';
import { OrderSearchSettings } from '../../application/find-orders/order-search-settings';
import { OrderSearch } from '../../domain/ports/order-search.port';
import { Environment } from '../config/environment';
import { MongoOrderSearch } from './mongo-order-search';

/** Binds the operators' order reads; API processes only (workers never search). Uses the models InfrastructureModule registers. */
@Module({
  providers: [
    { provide: OrderSearch, useClass: MongoOrderSearch },
    { provide: OrderSearchSettings, useFactory: (env: Environment) => new OrderSearchSettings(env.ORDER_SEARCH_TIMEOUT_MS), inject: [Environment] },
  ],
  exports: [OrderSearch, OrderSearchSettings],
})
export class OrderSearchInfrastructureModule {}
