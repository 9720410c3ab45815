import { describe, expect, it } from 'vitest';
import { neutralizeControls } from '../../src/host/terminal-text';

describe('neutralizeControls', () => {
  it('keeps newline, tab and ordinary text, including non-Latin and right-to-left scripts', () => {
    const text = 'line one\n\tindented: Grüße, 東京, שלום, مرحبا 🌦';
    expect(neutralizeControls(text)).toBe(text);
  });

  it('shows an OSC title change, BEL, colours and a carriage return instead of letting them act', () => {
    const shown = neutralizeControls('\x1b]0;pwned\x07\x1b[31mred\x1b[0m\roverwritten\r\nnext');
    expect(shown).toBe('␛]0;pwned␇␛[31mred␛[0m␍overwritten\nnext');
  });

  it('neutralises every C0 control but tab and newline, DEL and every C1 control', () => {
    const controls = [...Array.from({ length: 0x20 }, (_, code) => code), 0x7f, ...Array.from({ length: 0x20 }, (_, index) => 0x80 + index)]
      .filter((code) => code !== 0x09 && code !== 0x0a)
      .map((code) => String.fromCharCode(code))
      .join('');
    expect(neutralizeControls(controls)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(neutralizeControls('\x9b31m')).toBe('<U+009B>31m');
  });

  it('neutralises bidirectional overrides, isolates and direction marks', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(neutralizeControls(`a${bidi}b`)).toBe(
      'a<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069><U+200E><U+200F><U+061C>b',
    );
  });
});
