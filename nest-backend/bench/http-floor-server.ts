import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * The HTTP floor of the event bench: a bare `node:http` server that reads the body, parses it and
 * answers 202 with the contract's body, and does nothing else (no validation, no queue). What any
 * Node HTTP intake can do at most on this machine. Run as its own process by events-bench.ts; prints
 * `listening <port>` once ready.
 */
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"statusCode":400}');
      return;
    }
    const answer =
      request.url === '/events/batch'
        ? { message: 'Events sent to processing', status: 'accepted', accepted: body.events.length, eventIds: body.events.map((event: any) => event.eventId ?? randomUUID()) }
        : { message: 'Event sent to processing', status: 'accepted', eventId: body.eventId ?? randomUUID() };
    response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
