import { ChildProcess, IOType, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { OutputTail, indentedLastLines, tailOfFile } from './output-tail';
import { descendantsOf, signalPid, within } from './pids';

/** How a child ended: its exit code or the signal that killed it, or the error that kept it from starting. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface StopResult extends ChildExit {
  afterMs: number;
  /** The child outlived the grace period and was killed with SIGKILL. */
  timedOut: boolean;
}

export interface ChildSpec {
  /** For messages: `api`, `redis-server :6390`. */
  name: string;
  command: string;
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Output goes to this file (made with its folder), which outlives us; the tail is read back from it. Else it is piped and kept. */
  logFile?: string;
  /** Append to `logFile` instead of starting it afresh. */
  appendLog?: boolean;
  /** Each line of piped output (stdout and stderr) also goes here, e.g. to our stdout behind a prefix. */
  forward?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** The child shares our stdin, stdout and stderr (an install, a build in the foreground); nothing is kept. */
  inherit?: boolean;
  /** A process group of its own: a Ctrl-C in our terminal does not reach it, and stop and killTree reach its whole group. */
  ownGroup?: boolean;
  /**
   * The child is stopped when we end, however we end (SIGKILL included): it runs under an orphan guard
   * (./orphan-guard.ts) that holds a pipe from us and stops the command when the pipe closes. `pid` is the
   * guard's, which passes signals on.
   */
  stopWithParent?: boolean;
  /** What stop() sends first (default SIGTERM; PostgreSQL wants SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** An IPC channel (`process.send`, 'message'); not with `stopWithParent`. */
  ipc?: boolean;
  uid?: number;
  gid?: number;
  /** How many characters of output are kept for messages (default 64,000). */
  tailChars?: number;
}

const DEFAULT_TAIL_CHARS = 64_000;
const ORPHAN_GUARD = join(__dirname, 'orphan-guard.js');
/** How long a guard gives its command to stop once the process that started it is gone. */
const ORPHAN_GRACE_MS = 10_000;
/** How long to wait for the exit after SIGKILL (it only has to be reaped). */
const KILL_WAIT_MS = 5_000;

/** Starts a child process; see ChildSpec for where its output goes and how it is stopped. */
export function startChild(spec: ChildSpec): Child {
  return new Child(spec);
}

/** A started child process: its output's tail, how it ended, and ways to stop it. */
export class Child {
  readonly name: string;
  readonly logFile: string | undefined;
  readonly stopSignal: NodeJS.Signals;
  readonly ownGroup: boolean;
  /** The Node handle, for IPC (`send`, 'message'). */
  readonly process: ChildProcess;
  /** Resolves when the child has ended (never rejects). */
  readonly exited: Promise<ChildExit>;
  private lastExit: ChildExit | null = null;
  private readonly tail: OutputTail | null;
  private readonly tailChars: number;
  private readonly guarded: boolean;

  constructor(spec: ChildSpec) {
    if (spec.ipc && spec.stopWithParent) throw new Error(`${spec.name}: an orphan guard cannot pass an IPC channel on`);
    this.name = spec.name;
    this.logFile = spec.logFile;
    this.stopSignal = spec.stopSignal ?? 'SIGTERM';
    this.ownGroup = spec.ownGroup ?? false;
    this.guarded = spec.stopWithParent ?? false;
    this.tailChars = spec.tailChars ?? DEFAULT_TAIL_CHARS;
    const args = [...(spec.args ?? [])];
    const [file, argv] = this.guarded ? [process.execPath, [ORPHAN_GUARD, this.stopSignal, String(ORPHAN_GRACE_MS), '--', spec.command, ...args]] : [spec.command, args];

    let output: IOType | 'inherit' | number = 'pipe';
    if (spec.inherit) output = 'inherit';
    else if (spec.logFile) {
      mkdirSync(dirname(spec.logFile), { recursive: true });
      output = openSync(spec.logFile, spec.appendLog ? 'a' : 'w');
    }
    // The guard's stdin is the pipe it watches; we never write to it.
    const input = this.guarded ? 'pipe' : spec.inherit ? 'inherit' : 'ignore';
    try {
      this.process = spawn(file, argv, {
        cwd: spec.cwd,
        env: spec.env ?? process.env,
        uid: spec.uid,
        gid: spec.gid,
        detached: this.ownGroup,
        stdio: [input, output, output, ...(spec.ipc ? (['ipc'] as const) : [])],
      });
    } finally {
      if (typeof output === 'number') closeSync(output);
    }
    // The guard's pipe must not keep us running, nor fail us when the guard is gone.
    this.process.stdin?.on('error', () => undefined);
    (this.process.stdin as unknown as { unref?: () => void } | null)?.unref?.();

    this.tail = output === 'pipe' ? new OutputTail(this.tailChars) : null;
    for (const [stream, which] of [[this.process.stdout, 'stdout'], [this.process.stderr, 'stderr']] as const) {
      if (!stream) continue;
      stream.on('data', (chunk: Buffer) => this.tail?.add(chunk.toString()));
      const forward = spec.forward;
      if (forward) createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => forward(line, which));
    }
    this.exited = new Promise<ChildExit>((resolve) => {
      this.process.on('error', (error) => {
        if (this.process.pid !== undefined) return; // a failed kill or IPC send: the child still runs
        this.tail?.add(`\nspawn error: ${error.message}`);
        resolve({ code: null, signal: null, error });
      });
      this.process.once('exit', (code, signal) => resolve({ code, signal }));
    }).then((exit) => (this.lastExit = exit));
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** How the child ended, or null while it runs. */
  get exit(): ChildExit | null {
    return this.lastExit;
  }

  get running(): boolean {
    return this.lastExit === null;
  }

  /** The tail of what it printed (stdout and stderr together), from memory or from its log file. */
  get output(): string {
    if (this.tail) return this.tail.toString();
    return this.logFile ? tailOfFile(this.logFile, this.tailChars) : '';
  }

  /** The last `count` lines of its output, indented on lines of their own, for a message. */
  lastLines(count = 20): string {
    return indentedLastLines(this.output, count);
  }

  /** Waits until its output matches `pattern`; fails at once if it exits first, or when `timeoutMs` passes, with the tail of its output. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.lastExit) throw new Error(`${this.name} exited (${describeExit(this.lastExit)}) before printing ${pattern}:\n${this.output.slice(-4_000)}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.output.slice(-4_000)}`);
      await within(this.exited, 50);
    }
  }

  /** Sends a signal to the process itself without waiting for any effect, e.g. SIGSTOP to freeze it and SIGCONT to thaw it. */
  signal(signal: NodeJS.Signals): void {
    if (!this.pid || !this.running) throw new Error(`${this.name} is not running; cannot send ${signal}`);
    process.kill(this.pid, signal);
  }

  /**
   * Sends `signal` (default: the spec's stop signal) and waits up to `graceMs` for the child to end; then kills
   * its whole group or tree with SIGKILL (`timedOut` says so). Returns at once when it has already ended.
   */
  async stop({ signal = this.stopSignal, graceMs = 10_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<StopResult> {
    const started = Date.now();
    if (this.lastExit || !this.pid) return { ...(this.lastExit ?? { code: null, signal: null }), afterMs: 0, timedOut: false };
    // The guard passes the signal on; without one, a group of its own gets it whole.
    signalPid(this.ownGroup && !this.guarded ? -this.pid : this.pid, signal);
    const ended = await within(this.exited, graceMs);
    if (ended) return { ...ended, afterMs: Date.now() - started, timedOut: false };
    this.killTree();
    const killed = await within(this.exited, KILL_WAIT_MS);
    return { ...(killed ?? { code: null, signal: 'SIGKILL' }), afterMs: Date.now() - started, timedOut: true };
  }

  /**
   * Sends `signal` to the child's whole process group (when it has one), to the child and to every descendant it
   * started. Once the child has ended only its group is signalled: a group outlives its leader while members
   * remain (and no live group's id is reused), but the pid itself may belong to another process by then.
   */
  killTree(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.pid) return;
    const tree = this.running ? descendantsOf(this.pid) : [];
    if (this.ownGroup) signalPid(-this.pid, signal);
    if (this.running) signalPid(this.pid, signal);
    for (const { pid } of tree) signalPid(pid, signal);
  }
}

/** How a child ended, for messages: `code 1`, `signal SIGKILL` or the spawn error. */
export function describeExit(exit: ChildExit | null): string {
  if (!exit) return 'still running';
  if (exit.error) return exit.error.message;
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
