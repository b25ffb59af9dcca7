import { AddressInfo, Server, Socket, createServer, connect } from 'node:net';

const HEADER_BYTES = 16;
const OP_MSG = 2013;

/**
 * A TCP proxy in front of the MongoDB-compatible server that can cut a write off after it landed: armed with
 * `cutInserts(n, collection)`, it forwards the next n `insert` commands into `collection` to the server, and when
 * the server's answer comes back it closes both connections instead of passing the answer on. The client sees its
 * connection drop mid-write (as when the server goes away), while every document of the insert is stored.
 * It reads only the wire headers and the first field of each OP_MSG command; everything else passes as it is.
 */
export class InsertCutOffProxy {
  private server: Server | null = null;
  private armed = 0;
  private collection = '';
  private readonly sockets = new Set<Socket>();
  /** Inserts that reached the server, were answered by it, and whose answer the client never got. */
  cutOff = 0;

  constructor(
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  cutInserts(count: number, collection: string): void {
    this.armed = count;
    this.collection = collection;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private relay(client: Socket): void {
    const server = connect(this.target.port, this.target.host);
    for (const socket of [client, server]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on('close', close);
    server.on('close', close);
    // requestIDs of the inserts to cut off on this connection, answered by a message with that responseTo.
    const toCut = new Set<number>();
    frames(client, (frame) => {
      if (this.armed > 0 && this.isInsertInto(frame)) {
        this.armed--;
        toCut.add(frame.readInt32LE(4));
      }
      server.write(frame);
    });
    frames(server, (frame) => {
      if (toCut.has(frame.readInt32LE(8))) {
        this.cutOff++;
        close();
        return;
      }
      client.write(frame);
    });
  }

  private isInsertInto(frame: Buffer): boolean {
    // OP_MSG: header, flagBits (4), then a kind-0 section whose BSON document starts with the command's name.
    if (frame.readInt32LE(12) !== OP_MSG || frame[HEADER_BYTES + 4] !== 0) return false;
    const document = HEADER_BYTES + 5;
    const elementType = frame[document + 4];
    const nameStart = document + 5;
    const nameEnd = frame.indexOf(0, nameStart);
    if (elementType !== 0x02 || frame.toString('latin1', nameStart, nameEnd) !== 'insert') return false;
    const valueLength = frame.readInt32LE(nameEnd + 1);
    return frame.toString('utf8', nameEnd + 5, nameEnd + 5 + valueLength - 1) === this.collection;
  }
}

/** Calls `onFrame` with each whole wire message read from `socket` (length-prefixed). */
function frames(socket: Socket, onFrame: (frame: Buffer) => void): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readInt32LE(0);
      if (pending.length < length) break;
      onFrame(pending.subarray(0, length));
      pending = pending.subarray(length);
    }
  });
}
