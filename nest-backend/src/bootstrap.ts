import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, WorkerModule } from './app.module';
import { Environment, validateEnvironment } from './infrastructure/config/environment';
import { HttpRequestMetrics } from './infrastructure/prometheus/http-request-metrics';
import { AccessPolicy } from './presentation/http/access/access-policy';
import { ApiErrorFilter } from './presentation/http/api-error.filter';
import { AuditTrailMiddleware } from './presentation/http/audit/audit-trail.middleware';
import { AppValidationPipe } from './presentation/http/app-validation.pipe';
import { corsOptions, documentApiKey, securityHeaders } from './presentation/http/http-security';
import { documentEventsKey } from './presentation/http/events/events-openapi';
import { useJsonBodies } from './presentation/http/json-body';
import { ConfiguredIoAdapter } from './presentation/ws/configured-io.adapter';

// After a signal and the shutdown hooks (workers finish the jobs they hold, connections close), exit 0:
// by default Nest re-raises the signal, so a clean stop looked like a kill to supervisors.
const SHUTDOWN = { useProcessExit: true };

/** Reads and checks the environment, or ends the process with a message naming each bad variable. */
export function environmentOrExit(): Environment {
  try {
    return validateEnvironment(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/**
 * Builds the API application (not yet listening): logger, shutdown hooks, security headers, CORS, JSON
 * bodies, validation, errors, sockets, OpenAPI. The API key and rate limit are guards (AccessModule); every
 * control request is recorded by the audit trail, mounted right after the timing so that refusals are recorded too.
 */
export async function createApi(env: Environment): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks([], SHUTDOWN);
  app.use(app.get(HttpRequestMetrics).middleware);
  app.use(app.get(AuditTrailMiddleware).handle);
  app.use(securityHeaders());
  const origins = env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  app.enableCors(corsOptions(origins));
  useJsonBodies(app, [{ path: '/events/batch', limit: env.EVENTS_MAX_BODY_BYTES }]);
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.useWebSocketAdapter(new ConfiguredIoAdapter(app, origins, app.get(AccessPolicy)));
  const openApi = new DocumentBuilder()
    .setTitle('Pedidos')
    .setDescription('Order generation and strictly VIP-first processing on Bull and MongoDB. Socket.IO events: phase, progress, log, events:metrics, alert.')
    .setVersion('1.0.0')
    .build();
  SwaggerModule.setup('docs', app, documentEventsKey(documentApiKey(SwaggerModule.createDocument(app, openApi))));
  return app;
}

export async function createWorker(env: Environment): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks([], SHUTDOWN);
  return app;
}
