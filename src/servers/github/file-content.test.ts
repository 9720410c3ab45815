import { describe, expect, it } from 'vitest';
import { classifyFileContent, guessFileType, looksBinary, MAX_TEXT_BYTES, readPrefix } from './file-content';

describe('file content', () => {
  it('tells text from binary', () => {
    expect(looksBinary(Buffer.from('plain text, ünïcödé\n'))).toBe(false);
    expect(looksBinary(Buffer.from([0x68, 0x00, 0x69]))).toBe(true);
    expect(looksBinary(Buffer.from([0xc3, 0x28]))).toBe(true);
    expect(looksBinary(Buffer.from('ab ü').subarray(0, 4))).toBe(false);
  });

  it('guesses a type from magic numbers first, then from the name', () => {
    expect(guessFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]), 'image.bin')).toBe('PNG image');
    expect(guessFileType(Buffer.from('%PDF-1.7'), 'x')).toBe('PDF document');
    expect(guessFileType(Buffer.from([0x01, 0x02]), 'font.woff2')).toBe('WOFF2 font');
    expect(guessFileType(Buffer.from([0x01, 0x02]), 'data.xyz')).toBe('unknown binary data');
  });

  it('keeps small text whole and cuts big text at a character boundary with the size shown', () => {
    expect(classifyFileContent(Buffer.from('hello'), 5, 'a.txt')).toEqual({ kind: 'text', text: 'hello', truncated: false, shownBytes: 5 });
    const big = Buffer.from('ü'.repeat(MAX_TEXT_BYTES));
    const cut = classifyFileContent(big.subarray(0, MAX_TEXT_BYTES + 1), big.length, 'big.txt');
    expect(cut).toMatchObject({ kind: 'text', truncated: true, shownBytes: MAX_TEXT_BYTES });
    if (cut.kind === 'text') expect(cut.text).not.toContain('\uFFFD');
  });

  it('reads only the first bytes of a stream and cancels the rest', async () => {
    let cancelled = false;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1000).fill(65));
      },
      cancel() {
        cancelled = true;
      },
    });
    const prefix = await readPrefix(stream, 2500);
    expect(prefix.length).toBe(2500);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });
});
