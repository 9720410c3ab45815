import { describe, expect, it } from 'vitest';
import { EntryRedactor, MAX_FIELDS_JSON_CHARS, MAX_TEXT_CHARS } from './log-redaction';

const SECRET = 'Sup3r-Secret-Value';
const GITHUB_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;

describe('EntryRedactor.text', () => {
  it('redacts injected secrets and token shapes', () => {
    const redactor = new EntryRedactor([SECRET]);
    expect(redactor.text(`using ${SECRET} and ${GITHUB_TOKEN} with Bearer abcdefgh12345678`)).toBe('using [redacted] and [redacted] with Bearer [redacted]');
  });

  it('caps long text with a note, redacting a secret that straddles the cut', () => {
    const redactor = new EntryRedactor([SECRET]);
    const text = `${'a'.repeat(MAX_TEXT_CHARS - 5)}${SECRET}${'b'.repeat(100_000)}`;
    const capped = redactor.text(text);
    expect(capped).not.toContain(SECRET.slice(0, 5));
    expect(capped.length).toBeLessThan(MAX_TEXT_CHARS + 100);
    expect(capped).toMatch(/\[cut: 116397 characters, first 16384 kept\]$/);
  });

  it('does not split a surrogate pair at the cut', () => {
    const text = `${'a'.repeat(MAX_TEXT_CHARS - 1)}😀${'b'.repeat(10)}`;
    const capped = new EntryRedactor().text(text);
    expect(capped.startsWith(`${'a'.repeat(MAX_TEXT_CHARS - 1)}…`)).toBe(true);
  });
});

describe('EntryRedactor.fields', () => {
  it('redacts secrets in nested values, arrays and keys', () => {
    const safe = new EntryRedactor([SECRET]).fields({
      request: { headers: { 'x-token': SECRET }, args: ['ok', `prefix-${SECRET}`, { deep: [GITHUB_TOKEN] }] },
      [SECRET]: 'as a key',
    });
    expect(safe?.value).toEqual({
      request: { headers: { 'x-token': '[redacted]' }, args: ['ok', 'prefix-[redacted]', { deep: ['[redacted]'] }] },
      '[redacted]': 'as a key',
    });
    expect(safe?.json).toBe(JSON.stringify(safe?.value));
  });

  it('redacts tokens that JSON escaping would hide, such as one after a newline', () => {
    const safe = new EntryRedactor().fields({ output: `line one\n${GITHUB_TOKEN}\tdone`, quoted: 'say "hi"' });
    expect(safe?.value).toEqual({ output: 'line one\n[redacted]\tdone', quoted: 'say "hi"' });
    expect(safe?.json).not.toContain('ghp_');
  });

  it('redacts a secret that contains characters JSON escapes', () => {
    const secret = 'pa"ss\\word';
    const safe = new EntryRedactor([secret]).fields({ note: `value=${secret};` });
    expect(safe?.value).toEqual({ note: 'value=[redacted];' });
  });

  it('redacts a numeric secret logged as a number', () => {
    const safe = new EntryRedactor(['90817263']).fields({ account: 90817263, other: 5, text: 'acct 90817263' });
    expect(safe?.value).toEqual({ account: '[redacted]', other: 5, text: 'acct [redacted]' });
  });

  it('replaces the whole value of credential keys such as authorization', () => {
    const safe = new EntryRedactor().fields({ headers: { Authorization: 'token abc', cookie: 'sid=1', accept: 'json' } });
    expect(safe?.value).toEqual({ headers: { Authorization: '[redacted]', cookie: '[redacted]', accept: 'json' } });
  });

  it('turns values JSON cannot carry into plain data', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const error = new Error(`failed with ${SECRET}`);
    const safe = new EntryRedactor([SECRET]).fields({
      cyclic,
      big: 12n,
      notANumber: Number.NaN,
      skipped: undefined,
      callback: () => 1,
      when: new Date('2025-01-02T03:04:05.000Z'),
      error,
    });
    expect(safe?.value).toMatchObject({
      cyclic: { name: 'loop', self: '[circular]' },
      big: '12',
      notANumber: 'NaN',
      when: '2025-01-02T03:04:05.000Z',
      error: { name: 'Error', message: 'failed with [redacted]' },
    });
    expect(safe?.value).not.toHaveProperty('skipped');
    expect(safe?.value).not.toHaveProperty('callback');
    expect(safe?.json).not.toContain(SECRET);
  });

  it('limits depth and array length', () => {
    let nested: Record<string, unknown> = { bottom: true };
    for (let level = 0; level < 12; level++) nested = { nested };
    const safe = new EntryRedactor().fields({ nested, list: Array.from({ length: 1_005 }, (_, index) => index) });
    expect(safe?.json).toContain('[nested too deep]');
    const list = safe?.value.list as unknown[];
    expect(list).toHaveLength(1_001);
    expect(list.at(-1)).toBe('[5 more items]');
  });

  it('cuts oversized fields to one string, redacted first', () => {
    const safe = new EntryRedactor([SECRET]).fields({ rows: Array.from({ length: 1_000 }, () => `row with ${SECRET} inside it`) });
    expect(Object.keys(safe?.value ?? {})).toEqual(['fieldsCut']);
    expect(String(safe?.value.fieldsCut).length).toBeLessThan(MAX_FIELDS_JSON_CHARS + 200);
    expect(String(safe?.value.fieldsCut)).toMatch(/\[cut: \d+ characters of fields, first 16384 kept\]$/);
    expect(safe?.json).not.toContain(SECRET);
    expect(safe?.json).toContain('[redacted]');
  });

  it('returns undefined when nothing is left to keep', () => {
    expect(new EntryRedactor().fields({})).toBeUndefined();
    expect(new EntryRedactor().fields({ gone: undefined })).toBeUndefined();
  });
});
