import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';

/**
 * The framework floor of the event bench: the project's own stack (NestJS on Express, its default JSON body
 * parser) with one controller that answers 202 with the contract's body and does nothing else (no validation,
 * guards, logging, metrics or queue). What any intake written on this stack can do at most on this machine,
 * to set beside the bare `node:http` floor. Run as its own process by events-bench.ts; prints
 * `listening <port>` once ready.
 */
@Controller('events')
class BareEventsController {
  @Post()
  @HttpCode(202)
  acceptOne(@Body() body: { eventId?: string }) {
    return { message: 'Event sent to processing', status: 'accepted', eventId: body.eventId ?? randomUUID() };
  }

  @Post('batch')
  @HttpCode(202)
  acceptBatch(@Body() body: { events: { eventId?: string }[] }) {
    return { message: 'Events sent to processing', status: 'accepted', accepted: body.events.length, eventIds: body.events.map((event) => event.eventId ?? randomUUID()) };
  }
}

@Module({ controllers: [BareEventsController] })
class BareModule {}

async function main(): Promise<void> {
  // The batch bodies of the bench are ~200 kB: the default 100 kB limit would refuse them.
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false, bodyParser: false });
  app.useBodyParser('json', { limit: '2mb' });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
