import { describe, expect, it } from 'vitest';
import { parseJsonText, prettyJson } from './json-text';

function errorOf(text: string) {
  const result = parseJsonText(text);
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it('says where the problem is, by line and column', () => {
    expect(errorOf('{\n  "a": 1,\n  "b": \n}')).toMatchObject({ line: 4, column: 1, message: 'expected a value at line 4, column 1' });
    expect(errorOf('{"a" 1}')).toMatchObject({ offset: 5, message: 'expected ":" after the property name at line 1, column 6' });
    expect(errorOf("{'a': 1}").message).toBe('use double quotes (") for text and property names at line 1, column 2');
    expect(errorOf('{"a": 1,}').message).toBe('remove the comma before the closing bracket at line 1, column 9');
    expect(errorOf('[1,\n]').message).toBe('remove the comma before the closing bracket at line 2, column 1');
    expect(errorOf('[1, 2').message).toBe('expected "]" to close the list at line 1, column 6');
    expect(errorOf('{"a": 1} x').message).toBe('unexpected character at line 1, column 10');
    expect(errorOf('{"a": 1 // why\n}').message).toBe('comments are not allowed in JSON at line 1, column 9');
  });

  it('asks for a value when the text is empty', () => {
    expect(errorOf('  ').message).toBe('nothing to parse; enter a JSON value');
  });
});

describe('prettyJson', () => {
  it('pretty-prints objects and lists, and leaves other text alone', () => {
    expect(prettyJson(' {"a":1} ')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('[1]')).toBe('[\n  1\n]');
    expect(prettyJson('42')).toBeUndefined();
    expect(prettyJson('{not json')).toBeUndefined();
    expect(prettyJson('Sunny, 21 °C')).toBeUndefined();
  });
});
