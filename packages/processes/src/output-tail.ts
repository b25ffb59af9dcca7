import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `limit` characters of what a process printed, so failure messages can show it without keeping it all. */
export class OutputTail {
  private text = '';

  constructor(private readonly limit: number) {}

  add(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.limit);
  }

  toString(): string {
    return this.text;
  }
}

/** The last `limit` bytes of a log file as text ('' when there is none). */
export function tailOfFile(file: string, limit: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, limit);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The last `count` lines of `text`, indented on lines of their own for a message ('' when there are none). */
export function indentedLastLines(text: string, count: number): string {
  const trimmed = text.trimEnd();
  return trimmed ? `\n  ${trimmed.split('\n').slice(-count).join('\n  ')}` : '';
}
