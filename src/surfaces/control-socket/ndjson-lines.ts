import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into newline-delimited lines, refusing (not cutting) a line longer than
 * `maxLineChars`: on the control socket a cut line would be garbage, so the peer is dropped instead.
 * Only the text received since the last newline is searched, so a reply of many MB costs linear time.
 */
export class BoundedLineReader {
  private readonly decoder = new StringDecoder('utf8');
  /** The current line so far, joined once at its end. */
  private pending: string[] = [];
  private pendingChars = 0;
  private overflowed = false;

  /** `ceilingChars`: no later setMaxLineChars raises the limit beyond it. */
  constructor(
    private maxLineChars: number,
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void,
    private readonly ceilingChars = Number.POSITIVE_INFINITY,
  ) {}

  /** A connection that changes protocol (the bridge upgrade) takes longer lines from then on, up to the ceiling. */
  setMaxLineChars(maxLineChars: number): void {
    this.maxLineChars = Math.min(maxLineChars, this.ceilingChars);
  }

  push(chunk: Buffer | string): void {
    if (this.overflowed) return;
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      if (this.pendingChars + newline - start > this.maxLineChars) return this.overflow();
      const piece = text.slice(start, newline);
      const whole = this.pending.length === 0 ? piece : this.pending.join('') + piece;
      const line = whole.endsWith('\r') ? whole.slice(0, -1) : whole;
      this.pending = [];
      this.pendingChars = 0;
      start = newline + 1;
      if (line.trim() !== '') this.onLine(line);
      if (this.overflowed) return;
    }
    if (start < text.length) {
      this.pending.push(text.slice(start));
      this.pendingChars += text.length - start;
    }
    if (this.pendingChars > this.maxLineChars) this.overflow();
  }

  private overflow(): void {
    this.overflowed = true;
    this.pending = [];
    this.pendingChars = 0;
    this.onOverflow();
  }
}
