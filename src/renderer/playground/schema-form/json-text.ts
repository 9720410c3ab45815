/**
 * JSON typed by a person: parsed with the browser's own parser, and when that fails, located with
 * jsonc-parser so the message says where (line and column), which JSON.parse does not always do.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { messageOf } from '../../../shared/error-message';

export interface JsonTextError {
  message: string;
  /** Offset of the problem in the text, 0-based. */
  offset: number;
  /** 1-based, for people. */
  line: number;
  column: number;
}

type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: JsonTextError };

const EXPLANATIONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string (a line break inside a string must be written \\n)',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape after a backslash',
  InvalidCharacter: 'invalid character in a string',
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function locate(text: string, nativeMessage: string): JsonTextError {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  const nativeOffset = /position (\d+)/.exec(nativeMessage)?.[1];
  const offset = first?.offset ?? (nativeOffset === undefined ? text.length : Number(nativeOffset));
  const code = first ? printParseErrorCode(first.error) : undefined;
  const singleQuote = code === 'InvalidSymbol' && text[offset] === "'";
  // JSON allows no comma before a closing bracket, a common slip when editing by hand.
  const trailingComma = /,\s*$/.test(text.slice(0, offset)) && /^\s*[}\]]/.test(text.slice(offset));
  const explanation = singleQuote
    ? 'use double quotes (") for text and property names'
    : trailingComma
      ? 'remove the comma before the closing bracket'
      : ((code && EXPLANATIONS[code]) ?? nativeMessage);
  const { line, column } = lineAndColumn(text, offset);
  const message = text.trim() === '' ? 'nothing to parse; enter a JSON value' : `${explanation} at line ${line}, column ${column}`;
  return { message, offset, line, column };
}

export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: locate(text, messageOf(error)) };
  }
}

/** The text pretty-printed when it is a JSON object or list, else undefined (leave it as it is). */
export function prettyJson(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  const parsed = parseJsonText(trimmed);
  return parsed.ok ? JSON.stringify(parsed.value, null, 2) : undefined;
}
