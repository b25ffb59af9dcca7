import { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../config/environment';
import { ProcessRole } from '../config/settings';

const EVENT_INTAKE_PATH = /^\/events(\/batch)?\/?(\?|$)/;

/** Structured JSON logs (pino). Requests are logged except reads, which dashboards make several times a second. */
export function loggerModule(env: Environment, role: ProcessRole): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: env.LOG_LEVEL,
      // Log lines written while serving a request carry its id, not the whole request.
      quietReqLogger: true,
      base: { process: role === 'api' ? 'api' : `worker-${process.pid}` },
      // Event intake is a hot path: its requests are counted in the event metrics, not logged one by one.
      autoLogging: { ignore: (request: IncomingMessage) => request.method === 'GET' || request.method === 'OPTIONS' || EVENT_INTAKE_PATH.test(request.url ?? '') },
      redact: ['req.headers["x-api-key"]', 'req.headers["x-events-key"]', 'req.headers.authorization'],
    },
  });
}
