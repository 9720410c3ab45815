/** What is kept of a line longer than the limit: its size, and its two ends to tell what it was. */
export interface OversizedLine {
  /** The whole line's size in bytes (without its newline). */
  bytes: number;
  limitBytes: number;
  /** Its first bytes, decoded. */
  head: string;
  /** Its last bytes, decoded: SDK servers write a response's `id` after its result. */
  tail: string;
}

const HEAD_BYTES = 256;
const TAIL_BYTES = 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a server's stdout into UTF-8 lines (LF or CRLF) of at most `maxLineBytes()` bytes. Each
 * chunk is scanned once, so a long line costs linear time; a line past the limit is not kept, only
 * its size and its two ends, so memory stays below the limit plus one chunk whatever the server writes.
 */
export class MessageLineReader {
  /** The current line so far, as slices of the chunks it came in (joined once, at its end). */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private oversized: { bytes: number; limitBytes: number; head: Buffer; tail: Buffer } | undefined;

  constructor(
    private readonly maxLineBytes: () => number,
    private readonly onLine: (line: string) => void,
    private readonly onOversized: (line: OversizedLine) => void,
  ) {}

  /** Bytes held for the line being read. */
  get bufferedBytes(): number {
    return this.partsBytes + (this.oversized ? this.oversized.head.length + this.oversized.tail.length : 0);
  }

  push(chunk: Buffer): void {
    let start = 0;
    // A chunk usually ends with its last line's newline: no search past it.
    for (let newline = chunk.indexOf(LF); newline !== -1; newline = start < chunk.length ? chunk.indexOf(LF, start) : -1) {
      this.finishLine(chunk, start, newline);
      start = newline + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  end(): void {
    if (this.partsBytes > 0 || this.oversized) this.finishLine(Buffer.alloc(0), 0, 0);
  }

  private keep(piece: Buffer): void {
    if (this.oversized) {
      this.oversized.bytes += piece.length;
      this.oversized.tail = lastBytes([this.oversized.tail, piece], TAIL_BYTES);
      return;
    }
    const limitBytes = this.maxLineBytes();
    if (this.partsBytes + piece.length <= limitBytes) {
      this.parts.push(piece);
      this.partsBytes += piece.length;
      return;
    }
    const pieces = [...this.parts, piece];
    this.oversized = {
      bytes: this.partsBytes + piece.length,
      limitBytes,
      // Only the first bytes are kept: concat copies just that much, not the whole line so far.
      head: Buffer.concat(pieces, Math.min(HEAD_BYTES, this.partsBytes + piece.length)),
      tail: lastBytes(pieces, TAIL_BYTES),
    };
    this.parts = [];
    this.partsBytes = 0;
  }

  private finishLine(chunk: Buffer, from: number, to: number): void {
    if (this.partsBytes === 0 && !this.oversized) {
      // The everyday case: the whole line is in this chunk, decoded straight from it.
      const end = to > from && chunk[to - 1] === CR ? to - 1 : to;
      if (end - from <= this.maxLineBytes()) return this.onLine(chunk.toString('utf8', from, end));
    }
    if (to > from) this.keep(chunk.subarray(from, to));
    const oversized = this.oversized;
    if (oversized) {
      this.oversized = undefined;
      const tail = oversized.tail.at(-1) === CR ? oversized.tail.subarray(0, -1) : oversized.tail;
      const bytes = oversized.tail.at(-1) === CR ? oversized.bytes - 1 : oversized.bytes;
      return this.onOversized({ bytes, limitBytes: oversized.limitBytes, head: oversized.head.toString('utf8'), tail: tail.toString('utf8') });
    }
    const whole = Buffer.concat(this.parts, this.partsBytes);
    this.parts = [];
    this.partsBytes = 0;
    this.onLine(whole.toString('utf8', 0, whole.at(-1) === CR ? whole.length - 1 : whole.length));
  }
}

/** The last `count` bytes of the pieces taken as one, copied so no chunk stays referenced. */
function lastBytes(pieces: Buffer[], count: number): Buffer {
  const kept: Buffer[] = [];
  let total = 0;
  for (let index = pieces.length - 1; index >= 0 && total < count; index--) {
    const piece = pieces[index] as Buffer;
    const take = piece.subarray(Math.max(0, piece.length - (count - total)));
    kept.unshift(take);
    total += take.length;
  }
  return Buffer.concat(kept, total);
}
