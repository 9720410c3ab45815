import { StringDecoder } from 'node:string_decoder';

/** Longest line kept whole; a longer one is cut so a server without newlines cannot exhaust memory. */
export const MAX_LINE_CHARS = 1_000_000;

/** Splits a byte stream into UTF-8 lines (LF or CRLF), handing each complete line to `onLine`. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const decoded = this.decoder.write(chunk);
    // The pending text holds no newline, so only the new text is searched: a long line costs its length once.
    const firstNewline = decoded.indexOf('\n');
    const text = this.pending + decoded;
    let start = 0;
    for (let newline = firstNewline === -1 ? -1 : this.pending.length + firstNewline; newline !== -1; newline = text.indexOf('\n', start)) {
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.onLine(text.slice(start, end));
      start = newline + 1;
    }
    this.pending = text.slice(start);
    while (this.pending.length > MAX_LINE_CHARS) {
      this.onLine(`${this.pending.slice(0, MAX_LINE_CHARS)} [line cut at ${MAX_LINE_CHARS} characters]`);
      this.pending = this.pending.slice(MAX_LINE_CHARS);
    }
  }

  end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest.length > 0) this.onLine(rest);
  }
}
