import { Provider, Type } from '@nestjs/common';
import { FindOrdersService } from './application/find-orders/find-orders.service';
import { ReadOrderStoryService } from './application/find-orders/read-order-story.service';
import { OrdersController } from './presentation/http/orders/orders.controller';

/** Finding orders (`GET /pedidos/orders`, `GET /pedidos/orders/:id`): API processes only. */
export const ORDER_SEARCH_PROVIDERS: Provider[] = [FindOrdersService, ReadOrderStoryService];
export const ORDER_SEARCH_CONTROLLERS: Type[] = [OrdersController];
