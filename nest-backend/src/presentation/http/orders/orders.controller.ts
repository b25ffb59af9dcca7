import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { FindOrdersService } from '../../../application/find-orders/find-orders.service';
import { ReadOrderStoryService } from '../../../application/find-orders/read-order-story.service';
import { NoQuery } from '../dto/no-query.dto';
import { ORDER_SEARCH_PAGE_SCHEMA, ORDER_STORY_SCHEMA } from './dto/order-search.schema';
import { OrdersQuery, filtersOf } from './dto/orders-query.dto';

class OrderIdFormatError extends BadRequestException {
  constructor() {
    super('the order id must be a UUID');
  }
}

@ApiTags('orders')
@Controller('pedidos/orders')
export class OrdersController {
  constructor(
    private readonly finder: FindOrdersService,
    private readonly stories: ReadOrderStoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find orders by run, tier, priority, status, customer prefix and created/processed ranges; cursor-paged' })
  @ApiOkResponse({ schema: ORDER_SEARCH_PAGE_SCHEMA })
  @ApiBadRequestResponse({ description: 'a filter or the cursor is not valid (VALIDATION_FAILED, INVALID_ORDER_FILTER, INVALID_CURSOR)' })
  @ApiServiceUnavailableResponse({ description: 'the database did not answer within ORDER_SEARCH_TIMEOUT_MS (ORDER_SEARCH_TIMEOUT)' })
  find(@Query() query: OrdersQuery) {
    return this.finder.find({ filters: filtersOf(query), cursor: query.cursor, limit: query.limit });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One order and its story: run, job, place in its lane, dead letter' })
  @ApiOkResponse({ schema: ORDER_STORY_SCHEMA })
  @ApiNotFoundResponse({ description: 'no order has this id (ORDER_NOT_FOUND)' })
  @ApiServiceUnavailableResponse({ description: 'the lookup by id did not answer within ORDER_SEARCH_TIMEOUT_MS (ORDER_SEARCH_TIMEOUT)' })
  story(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new OrderIdFormatError() })) id: string, @Query() _query: NoQuery) {
    return this.stories.story(id.toLowerCase());
  }
}
