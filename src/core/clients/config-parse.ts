/**
 * Reads a client's config text into its server map, or refuses with the line and column of the
 * problem. Refusing is the whole point: a file we cannot parse is a file we must not rewrite.
 */
import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ContractError } from '../../shared/contract';
import { isPlainObject } from '../../shared/plain-object';
import { findDuplicateKey } from './config-duplicate-keys';
import type { ConfigSyntax } from './mcp-client';

export interface ParsedConfig {
  /** The top-level object; empty for an empty file. */
  root: Record<string, unknown>;
  /** The server map under the client's key; empty when the key is missing. */
  servers: Record<string, unknown>;
}

/** jsonc-parser's error codes in words a person can act on. */
const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is missing',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'unexpected text after the end of the JSON',
  InvalidCommentToken: 'comments are not allowed in this file',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The text without a leading byte-order mark (Windows editors add one), and the mark to put back. */
export function splitByteOrderMark(text: string): { mark: string; body: string } {
  return text.startsWith('\uFEFF') ? { mark: '\uFEFF', body: text.slice(1) } : { mark: '', body: text };
}

function refusal(filePath: string, what: string): ContractError {
  return new ContractError('failed', `${filePath} ${what}. MCP Tray left the file exactly as it was; fix it (or move it away) and try again.`);
}

/** The refusal every config format uses: the file, what is wrong with it, and that it was left alone. */
export { refusal as configRefusal };

/**
 * Parses `text` (without a byte-order mark) the way the client itself would. Throws a
 * ContractError('failed') naming the file, the problem and where it is.
 */
export function parseConfig(text: string, syntax: ConfigSyntax, serversKey: string, filePath: string): ParsedConfig {
  const errors: ParseError[] = [];
  const strict = syntax === 'json';
  // One parse: the tree both finds duplicate keys and gives the value.
  const tree = parseTree(text, errors, { disallowComments: strict, allowTrailingComma: !strict, allowEmptyContent: true });
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    const problem = PROBLEMS[printParseErrorCode(first.error)] ?? 'it cannot be parsed';
    throw refusal(filePath, `is not valid ${strict ? 'JSON' : 'JSON with comments'}: ${problem} at line ${line}, column ${column}`);
  }
  const duplicate = findDuplicateKey(tree, serversKey);
  if (duplicate) {
    const { line, column } = lineAndColumn(text, duplicate.offset);
    throw refusal(filePath, `has ${duplicate.what} twice, again at line ${line}, column ${column}; the client reads only the last one`);
  }
  const value: unknown = tree === undefined ? undefined : getNodeValue(tree);
  if (value === undefined) return { root: {}, servers: {} };
  if (!isPlainObject(value)) throw refusal(filePath, 'does not hold a JSON object at the top level');
  const servers = value[serversKey];
  if (servers === undefined) return { root: value, servers: {} };
  if (!isPlainObject(servers)) throw refusal(filePath, `has a "${serversKey}" that is not an object`);
  return { root: value, servers };
}
