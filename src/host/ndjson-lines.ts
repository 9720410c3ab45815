import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into newline-delimited lines, refusing (not cutting) a line longer than
 * `maxLineChars`: on the control socket a cut line would be garbage, so the peer is dropped instead.
 */
export class BoundedLineReader {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private overflowed = false;

  constructor(
    private readonly maxLineChars: number,
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void,
  ) {}

  push(chunk: Buffer | string): void {
    if (this.overflowed) return;
    const text = this.pending + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    let start = 0;
    for (let newline = text.indexOf('\n', start); newline !== -1; newline = text.indexOf('\n', start)) {
      if (newline - start > this.maxLineChars) return this.overflow();
      const line = text.slice(start, newline).replace(/\r$/, '');
      start = newline + 1;
      if (line.trim() !== '') this.onLine(line);
      if (this.overflowed) return;
    }
    this.pending = text.slice(start);
    if (this.pending.length > this.maxLineChars) this.overflow();
  }

  private overflow(): void {
    this.overflowed = true;
    this.pending = '';
    this.onOverflow();
  }
}
