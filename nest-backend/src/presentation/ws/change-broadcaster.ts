/** How one gateway's figures are read, compared and sent. */
export interface BroadcastSource<T> {
  /** Least time between two frames. */
  everyMs: number;
  read: () => Promise<T>;
  emit: (value: T) => void;
  /** Whether anyone listens; nothing is read otherwise. */
  listening: () => boolean;
  /** What must differ for a new frame to go out (the whole value by default). */
  fingerprint?: (value: T) => string;
}

/**
 * Sends a value to the sockets while anyone listens and only when it changed, at most once per `everyMs`:
 * the next read is scheduled `everyMs` after the previous one finished, so a slow read or a busy event loop
 * can make frames rarer, never closer together.
 */
export class ChangeBroadcaster<T> {
  private timer: NodeJS.Timeout | undefined;
  private lastSent = '';
  private stopped = false;

  constructor(private readonly source: BroadcastSource<T>) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.source.everyMs);
  }

  private async tick(): Promise<void> {
    try {
      if (!this.source.listening()) return;
      const value = await this.source.read();
      const fingerprint = (this.source.fingerprint ?? JSON.stringify)(value);
      if (fingerprint === this.lastSent) return;
      this.lastSent = fingerprint;
      this.source.emit(value);
    } catch {
      // The next tick tries again; a socket client never needs an error for a missed frame.
    } finally {
      this.schedule();
    }
  }
}
