const WIDTH = 30;
const PLAIN_EVERY_MS = 5_000;

/** One progress line on stderr: rewritten in place on a terminal, printed every few seconds otherwise. */
export class ProgressLine {
  private lastPlain = 0;
  private drawn = false;

  constructor(private readonly label: string) {}

  update(fraction: number, detail: string): void {
    const clamped = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(clamped * WIDTH);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(clamped * 100).toFixed(1).padStart(5)}% ${detail}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line.slice(0, (process.stderr.columns || 120) - 1)}\x1b[K`);
      this.drawn = true;
    } else if (Date.now() - this.lastPlain >= PLAIN_EVERY_MS) {
      this.lastPlain = Date.now();
      process.stderr.write(`${line}\n`);
    }
  }

  done(message: string): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${this.label} ${message}\n`);
    this.drawn = false;
  }
}

export function formatInt(value: number): string {
  return new Intl.NumberFormat('en-US').format(Math.round(value));
}
