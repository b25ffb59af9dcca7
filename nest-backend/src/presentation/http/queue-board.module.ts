import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule, BullBoardModuleOptions } from '@bull-board/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { Environment } from '../../infrastructure/config/environment';
import { EVENTS_QUEUE, NORMAL_QUEUE, VIP_QUEUE } from '../../infrastructure/queue/queue-names';
import { AccessPolicy } from './access/access-policy';
import { queueBoardAuth } from './queue-board-auth';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

// @bull-board/express 9.10.1 (its latest) is typed against @bull-board/api 9.10.1, the Nest module against 9.10.2:
// the same shapes declared twice, which TypeScript refuses to mix. At run time the adapter is duck-typed.
const BoardServer = ExpressAdapter as unknown as BullBoardModuleOptions['adapter'];

/**
 * Bull Board at /admin/queues: both order lanes and the events queue, their jobs and failures, behind the API
 * key (basic auth) when one is set. What the lanes keep is bounded by QUEUE_KEEP_COMPLETED_JOBS and
 * QUEUE_KEEP_FAILED_JOBS; an events job goes when stored, or once its events are dead letters.
 */
@Module({})
export class QueueBoardModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: QueueBoardModule,
      imports: [
        BullBoardModule.forRoot({
          route: QUEUE_BOARD_ROUTE,
          adapter: BoardServer,
          middleware: queueBoardAuth(AccessPolicy.fromEnvironment(env)),
          boardOptions: { uiConfig: { boardTitle: 'Pedidos queues' } },
        }),
        BullBoardModule.forFeature(
          { name: VIP_QUEUE, adapter: BullAdapter, options: { displayName: 'VIP lane', description: 'DIAMANTE orders; drained before any NORMAL slice is queued' } },
          { name: NORMAL_QUEUE, adapter: BullAdapter, options: { displayName: 'NORMAL lane', description: 'BRONZE, PRATA and OURO orders' } },
          { name: EVENTS_QUEUE, adapter: BullAdapter, options: { displayName: 'Events', description: 'intake groups and batches of interaction events, one job each' } },
        ),
      ],
    };
  }
}
