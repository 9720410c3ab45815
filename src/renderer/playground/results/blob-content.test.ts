import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToText, blobFileName, isTextualMimeType } from './blob-content';

describe('blob content', () => {
  it('tells text types from binary ones', () => {
    expect(['text/plain', 'text/csv; charset=utf-8', 'application/json', 'application/ld+json', 'image/png', 'application/octet-stream', undefined].map(isTextualMimeType)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('decodes base64 as UTF-8 text', () => {
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode('Grüße, ☀')));
    expect(base64ToText(base64)).toBe('Grüße, ☀');
    expect(base64ToText('not base64!')).toBeUndefined();
    expect([...(base64ToBytes('AAH/') ?? [])]).toEqual([0, 1, 255]);
  });

  it('names a download from its URI, or its type', () => {
    expect(blobFileName('image/png', 'test://files/chart.png')).toBe('chart.png');
    expect(blobFileName('application/pdf', 'test://reports/2026 q1?x=1')).toBe('2026-q1.pdf');
    expect(blobFileName('image/png')).toBe('content.png');
    expect(blobFileName(undefined, 'test://x/')).toBe('x.bin');
  });
});
