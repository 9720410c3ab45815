import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_CHARS } from './line-splitter';

function split(chunks: Buffer[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('joins lines across chunks and strips CRLF', () => {
    expect(split([Buffer.from('one\r\ntw'), Buffer.from('o\nthree')])).toEqual(['one', 'two', 'three']);
  });

  it('keeps a multi-byte character split between chunks intact', () => {
    const bytes = Buffer.from('Zürich ☀\n');
    expect(split([bytes.subarray(0, 2), bytes.subarray(2, 10), bytes.subarray(10)])).toEqual(['Zürich ☀']);
  });

  it('cuts a line that never ends instead of growing without bound', () => {
    const lines = split([Buffer.alloc(MAX_LINE_CHARS + 10, 'x')]);
    expect(lines[0]?.endsWith(`[line cut at ${MAX_LINE_CHARS} characters]`)).toBe(true);
    expect(lines[1]).toBe('x'.repeat(10));
  });
});
