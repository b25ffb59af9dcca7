import { once } from 'node:events';
import { Child, ChildExit, StopResult, startChild } from '@pedidos/processes';

export type ProcessExit = Pick<ChildExit, 'code' | 'signal'>;

/**
 * A process a fault test starts, stops and starts again (a new @pedidos/processes Child each time): it tells how
 * the last one ended and keeps the tail of its output for failure messages.
 */
export class ChildService {
  private child: Child | null = null;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get running(): boolean {
    return this.child?.running ?? false;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the last started process ended (null while it runs or before it started). */
  get exited(): ProcessExit | null {
    const exit = this.child?.exit;
    return exit ? { code: exit.error ? -1 : exit.code, signal: exit.signal } : null;
  }

  get output(): string {
    return this.child?.output ?? '';
  }

  /**
   * Spawns the process (`envChanges` on top of its environment for this start only) and waits until its output
   * matches `ready` (bounded); fails with its output if it exits first.
   */
  async start(ready: RegExp, timeoutMs = 30_000, envChanges: Record<string, string> = {}): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    this.child = startChild({ name: this.name, command: this.command, args: this.args, env: { ...this.env, ...envChanges } });
    await this.child.waitForOutput(ready, timeoutMs);
  }

  /** Waits until the output so far matches `pattern`; fails if the process exits or the time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    return this.started().waitForOutput(pattern, timeoutMs);
  }

  /** Sends a signal without waiting for any effect, e.g. SIGSTOP to freeze the process and SIGCONT to thaw it. */
  signal(signal: NodeJS.Signals): void {
    this.started().signal(signal);
  }

  /**
   * Sends `signal` and waits for the process to end. If it is still alive after `timeoutMs` it is
   * killed with SIGKILL, and `timedOut` says so. Returns at once when nothing runs.
   */
  async stop(signal: NodeJS.Signals, timeoutMs = 20_000): Promise<StopResult> {
    if (!this.child) return { code: null, signal: null, afterMs: 0, timedOut: false };
    return this.child.stop({ signal, graceMs: timeoutMs });
  }

  private started(): Child {
    if (!this.child) throw new Error(`${this.name} was never started`);
    return this.child;
  }
}

/** Resolves when a TCP connection to host:port succeeds within `timeoutMs`, else false. */
export async function acceptsConnections(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  const { createConnection } = await import('node:net');
  const socket = createConnection({ host, port });
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await Promise.race([
      // `once` rejects when 'error' fires first: a refused connection is an answer (false), not a failure.
      once(socket, 'connect').then(() => true, () => false),
      once(socket, 'error').then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    return outcome;
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
