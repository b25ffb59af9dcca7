import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServerProfileService } from '../../application/server-profile/server-profile.service';
import { NoQuery } from './dto/no-query.dto';
import { SERVER_PROFILE_SCHEMA } from './dto/operations.schema';

@ApiTags('pedidos')
@Controller('pedidos/server')
export class ServerProfileController {
  constructor(private readonly profiles: ServerProfileService) {}

  @Get()
  @ApiOperation({
    summary: 'The MongoDB-compatible server (MongoDB and its version, or FerretDB and its version) and the processing rate of recent runs',
    description:
      '`processingRate.ordersPerSecond` is orders over wall time (generate to DONE) of the last 10 runs that finished DONE with at least 10,000 orders; null until one did. The dashboard divides the quantity asked for by it.',
  })
  @ApiOkResponse({ schema: SERVER_PROFILE_SCHEMA })
  get(@Query() _query: NoQuery) {
    return this.profiles.profile();
  }
}
