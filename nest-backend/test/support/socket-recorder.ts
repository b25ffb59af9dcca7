import { Socket, io } from 'socket.io-client';
import { waitUntil } from './running-api';

/** What one dashboard would have received from one API process over Socket.IO. */
export class SocketRecorder {
  readonly phases: Array<{ runId: string; phase: string; previous: string; at: string }> = [];
  readonly logs: Array<{ at: string; level: string; source: string; message: string }> = [];
  lastProgress: any = null;
  private readonly socket: Socket;

  private constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on('phase', (event) => this.phases.push(event));
    this.socket.on('log', (line) => this.logs.push(...(Array.isArray(line) ? line : [line])));
    this.socket.on('progress', (snapshot) => (this.lastProgress = snapshot));
  }

  /** Connects and resolves once the first `progress` (sent on connection) arrived. */
  static async connect(url: string): Promise<SocketRecorder> {
    const recorder = new SocketRecorder(url);
    await waitUntil(async () => recorder.socket.connected && recorder.lastProgress !== null, 15_000, `a Socket.IO connection to ${url}`, 50);
    return recorder;
  }

  /** The phases announced for `runId`, in order. */
  phasesOf(runId: string): string[] {
    return this.phases.filter((event) => event.runId === runId).map((event) => event.phase);
  }

  close(): void {
    this.socket.disconnect();
  }
}
