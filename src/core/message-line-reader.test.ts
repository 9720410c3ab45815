import { describe, expect, it } from 'vitest';
import { MessageLineReader, type OversizedLine } from './message-line-reader';

function read(chunks: Buffer[], limitBytes = 1_000): { lines: string[]; oversized: OversizedLine[] } {
  const lines: string[] = [];
  const oversized: OversizedLine[] = [];
  const reader = new MessageLineReader(() => limitBytes, (line) => lines.push(line), (line) => oversized.push(line));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { lines, oversized };
}

describe('MessageLineReader', () => {
  it('joins lines across chunks and strips CRLF, also when the CR ends a chunk', () => {
    expect(read([Buffer.from('one\r\ntw'), Buffer.from('o\r'), Buffer.from('\nthree')]).lines).toEqual(['one', 'two', 'three']);
  });

  it('keeps a multi-byte character split between chunks intact', () => {
    const bytes = Buffer.from('Zürich ☀\n');
    expect(read([bytes.subarray(0, 2), bytes.subarray(2, 10), bytes.subarray(10)]).lines).toEqual(['Zürich ☀']);
  });

  it('takes a line of exactly the limit whole, and reports a longer one by its size and its ends', () => {
    const { lines, oversized } = read([Buffer.from(`${'a'.repeat(1_000)}\n{"result":"${'b'.repeat(5_000)}`), Buffer.from('","jsonrpc":"2.0","id":7}\r\nnext\n')]);
    expect(lines).toEqual(['a'.repeat(1_000), 'next']);
    expect(oversized).toHaveLength(1);
    const line = oversized[0] as OversizedLine;
    expect(line.bytes).toBe(`{"result":"${'b'.repeat(5_000)}","jsonrpc":"2.0","id":7}`.length);
    expect(line.limitBytes).toBe(1_000);
    expect(line.head.startsWith('{"result":"bbb')).toBe(true);
    expect(line.tail.endsWith('b","jsonrpc":"2.0","id":7}')).toBe(true);
    expect(line.tail.length).toBeLessThanOrEqual(1_024);
  });

  it('never holds more than the limit plus one chunk, however long a line runs', () => {
    const limitBytes = 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const oversized: OversizedLine[] = [];
    const reader = new MessageLineReader(() => limitBytes, () => {}, (line) => oversized.push(line));
    let largest = 0;
    for (let index = 0; index < 160; index++) {
      reader.push(chunk);
      largest = Math.max(largest, reader.bufferedBytes);
    }
    expect(largest).toBeLessThanOrEqual(limitBytes + chunk.length);
    reader.push(Buffer.from('\n'));
    expect(reader.bufferedBytes).toBe(0);
    expect(oversized.map((line) => line.bytes)).toEqual([160 * chunk.length]);
  });

  it('reads the limit at each line, so a changed setting applies to the next message', () => {
    let limitBytes = 10;
    const lines: string[] = [];
    const oversized: number[] = [];
    const reader = new MessageLineReader(() => limitBytes, (line) => lines.push(line), (line) => oversized.push(line.bytes));
    reader.push(Buffer.from('0123456789ABC\n'));
    limitBytes = 20;
    reader.push(Buffer.from('0123456789ABC\n'));
    expect(oversized).toEqual([13]);
    expect(lines).toEqual(['0123456789ABC']);
  });
});
