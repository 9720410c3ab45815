import { describe, expect, it } from 'vitest';
import { summarizeCallResult } from './call-summary';

describe('summarizeCallResult', () => {
  it('joins the parts, shrinks whitespace, and names what is not text', () => {
    const summary = summarizeCallResult({
      content: [
        { type: 'text', text: 'Berlin:\n  12 °C,\tcloudy' },
        { type: 'image', mimeType: 'image/png', data: 'A'.repeat(4096) },
        { type: 'resource_link', uri: 'file:///tmp/report.csv', name: 'report' },
        { type: 'resource', resource: { uri: 'weather://wmo-codes', text: '…' } },
      ],
    });
    expect(summary).toBe('Berlin: 12 °C, cloudy [image image/png, 3 KB] [link file:///tmp/report.csv] [resource weather://wmo-codes]');
  });

  it('keeps the first 500 characters of a long result and marks the cut', () => {
    const summary = summarizeCallResult({ content: [{ type: 'text', text: `${'word '.repeat(200_000)}END` }] });
    expect(summary).toHaveLength(501);
    expect(summary.startsWith('word word ')).toBe(true);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary).not.toContain('END');
  });

  it('marks the cut even when what it kept shrinks below 500 characters', () => {
    const summary = summarizeCallResult({ content: [{ type: 'text', text: `start${' '.repeat(5_000)}hidden` }] });
    expect(summary).toBe('start…');
  });

  it('stops reading parts once it has enough', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => ({ type: 'text' as const, text: `part ${index}` }));
    const summary = summarizeCallResult({ content: many });
    expect(summary.startsWith('part 0 part 1 part 2')).toBe(true);
    expect(summary).not.toContain('part 9999');
    expect(summary.endsWith('…')).toBe(true);
  });

  it('says nothing for an empty result', () => {
    expect(summarizeCallResult({ content: [] })).toBe('');
  });
});
