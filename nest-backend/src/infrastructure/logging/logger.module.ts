import { DynamicModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../config/environment';
import { ProcessRole } from '../config/settings';

/** Structured JSON logs (pino). Requests are logged except reads, which dashboards make several times a second. */
export function loggerModule(env: Environment, role: ProcessRole): DynamicModule {
  return LoggerModule.forRoot({
    // Event intake is the hot path: its requests are counted in the event metrics, not logged one by one, and
    // skip the request logger entirely (a child logger per request was a third of a single event's CPU).
    exclude: [
      { method: RequestMethod.POST, path: 'events' },
      { method: RequestMethod.POST, path: 'events/batch' },
    ],
    pinoHttp: {
      level: env.LOG_LEVEL,
      // Log lines written while serving a request carry its id, not the whole request.
      quietReqLogger: true,
      base: { process: role === 'api' ? 'api' : `worker-${process.pid}` },
      autoLogging: { ignore: (request: IncomingMessage) => request.method === 'GET' || request.method === 'OPTIONS' },
      redact: ['req.headers["x-api-key"]', 'req.headers["x-events-key"]', 'req.headers.authorization'],
    },
  });
}
