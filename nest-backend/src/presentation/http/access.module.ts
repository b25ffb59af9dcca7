import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../infrastructure/config/environment';
import { AccessPolicy } from './access/access-policy';
import { ApiKeyGuard, isReadOnlyRequest } from './api-key.guard';
import { isEventIntake } from './events/event-intake.metadata';

const ONE_MINUTE_MS = 60_000;

/**
 * Who may send control requests, and how often: a per-client rate limit (checked first, so guessing the
 * key is throttled too) and the two roles of AccessPolicy (exported for the socket adapter, the board and the
 * audit trail). Reads are never throttled: the dashboard polls them.
 */
@Module({})
export class AccessModule {
  static forRoot(env: Environment): DynamicModule {
    const limit = env.RATE_LIMIT_PER_MINUTE;
    const policy = AccessPolicy.fromEnvironment(env);
    const guards: Provider[] = [{ provide: APP_GUARD, useValue: new ApiKeyGuard(policy) }, { provide: AccessPolicy, useValue: policy }];
    if (limit === 0) return { module: AccessModule, providers: guards, exports: [AccessPolicy], global: true };
    return {
      module: AccessModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: ONE_MINUTE_MS, limit }],
          // Event intake has its own limit, counted in events (EventIntakeGuard).
          skipIf: (context) => context.getType() !== 'http' || isReadOnlyRequest(context) || isEventIntake(context),
          // One budget per client for all control routes together (the default keeps one per route).
          generateKey: (_context, tracker, name) => `${name}:${tracker}`,
          errorMessage: (_context, detail) =>
            `too many control requests: at most ${limit} a minute per client; retry in ${detail.timeToBlockExpire} s`,
        }),
      ],
      // Guards run in the order they are provided.
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }, ...guards],
      exports: [AccessPolicy],
      global: true,
    };
  }
}
