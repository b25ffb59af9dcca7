import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const OUTPUT_KEPT = 64_000;

/**
 * A process a fault test starts, stops and starts again: it records how the process ended and keeps
 * the tail of its output for failure messages.
 */
export class ChildService {
  private child: ChildProcess | null = null;
  private exit: Promise<ProcessExit> | null = null;
  private lastExit: ProcessExit | null = null;
  private tail = '';

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get running(): boolean {
    return this.child !== null && this.lastExit === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the last started process ended (null while it runs or before it started). */
  get exited(): ProcessExit | null {
    return this.lastExit;
  }

  get output(): string {
    return this.tail;
  }

  /** Spawns the process and waits until its output matches `ready` (bounded); fails with its output if it exits first. */
  async start(ready: RegExp, timeoutMs = 30_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    this.tail = '';
    this.lastExit = null;
    const child = spawn(this.command, this.args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString()).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise<ProcessExit>((resolve) => {
      child.once('error', (error) => {
        this.tail += `\nspawn error: ${error.message}`;
        this.lastExit = { code: -1, signal: null };
        resolve(this.lastExit);
      });
      child.once('exit', (code, signal) => {
        this.lastExit = { code, signal };
        resolve(this.lastExit);
      });
    });
    await this.waitForOutput(ready, timeoutMs);
  }

  /** Waits until the output so far matches `pattern`; fails if the process exits or the time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.tail)) {
      if (this.lastExit) throw new Error(`${this.name} exited (${describe(this.lastExit)}) before printing ${pattern}:\n${this.tail.slice(-4_000)}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail.slice(-4_000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends a signal without waiting for any effect, e.g. SIGSTOP to freeze the process and SIGCONT to thaw it. */
  signal(signal: NodeJS.Signals): void {
    if (!this.child?.pid || !this.running) throw new Error(`${this.name} is not running; cannot send ${signal}`);
    process.kill(this.child.pid, signal);
  }

  /**
   * Sends `signal` and waits for the process to end. If it is still alive after `timeoutMs` it is
   * killed with SIGKILL, and `timedOut` says so. Returns at once when nothing runs.
   */
  async stop(signal: NodeJS.Signals, timeoutMs = 20_000): Promise<ProcessExit & { afterMs: number; timedOut: boolean }> {
    const started = Date.now();
    if (!this.child || !this.exit) return { code: null, signal: null, afterMs: 0, timedOut: false };
    if (this.lastExit) return { ...this.lastExit, afterMs: 0, timedOut: false };
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const ended = await Promise.race([this.exit, late]);
    clearTimeout(timer);
    if (ended !== 'late') return { ...ended, afterMs: Date.now() - started, timedOut: false };
    this.child.kill('SIGKILL');
    const killed = await this.exit;
    return { ...killed, afterMs: Date.now() - started, timedOut: true };
  }
}

function describe(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
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
