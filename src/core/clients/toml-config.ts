/**
 * TOML config files (Codex's config.toml): reading the server map, and changing one entry while
 * every other byte stays where it was. The edit itself is done with toml-patch, a maintained
 * TOML editor that keeps comments, order and formatting; the result is then read back with
 * smol-toml, a second, independent parser, and must equal the file as it was with only our entry
 * changed. Anything else is refused and the file is left alone.
 *
 * A new entry is written the way Codex documents it (https://developers.openai.com/codex/mcp): an
 * `[mcp_servers.<name>]` table followed by its `[mcp_servers.<name>.env]` table, placed after the
 * file's last server table (or at the end). toml-patch's own insertion would add a dotted
 * `mcp_servers.<name> = { ... }` line at the top instead: valid, but not what a person expects to see.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, patch, stringify, TomlFormat } from '@decimalturn/toml-patch';
import { parse as parseIndependently, TomlError } from 'smol-toml';
import { isPlainObject } from '../../shared/plain-object';
import { configRefusal, type ParsedConfig } from './config-parse';
import type { EntryOperation } from './config-plan';

/** The shape of toml-patch's syntax tree that we read (its node types are not exported). */
interface TomlNode {
  type: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  key?: { value?: string[]; item?: { value: string[] } };
  items?: TomlNode[];
}

function tomlProblem(error: unknown): string {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (message.includes('redefine')) return 'a key or table is defined twice';
  return message.replace(/^Invalid TOML document:\s*/, '') || 'it cannot be parsed';
}

/** Parses the text as Codex would; refuses with the line and column of the problem. */
export function parseTomlConfig(text: string, serversKey: string, filePath: string): ParsedConfig {
  let root: Record<string, unknown>;
  try {
    root = parseIndependently(text);
  } catch (error) {
    const where = error instanceof TomlError ? ` at line ${error.line}, column ${error.column}` : '';
    throw configRefusal(filePath, `is not valid TOML: ${tomlProblem(error)}${where}`);
  }
  const servers = root[serversKey];
  if (servers === undefined) return { root, servers: {} };
  if (typeof servers !== 'object' || servers === null || Array.isArray(servers) || servers instanceof Date) {
    throw configRefusal(filePath, `has a "${serversKey}" that is not a table`);
  }
  return { root, servers: servers as Record<string, unknown> };
}

/** A key as TOML writes it: bare when it can be, quoted otherwise. */
function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** Where the 1-based line ends, after its line break (or at the end of the text). */
function afterLine(text: string, starts: number[], line: number): number {
  return starts[line] ?? text.length;
}

/** The key of a `[table]` or `[[array of tables]]` header. */
function tableKeyOf(node: TomlNode): string[] | undefined {
  return node.type === 'Table' || node.type === 'TableArray' ? node.key?.item?.value : undefined;
}

/** The last line of a table that holds one of its values: comments after it may introduce what follows. */
function lastValueLine(table: TomlNode): number {
  const values = (table.items ?? []).filter((item) => item.type === 'KeyValue');
  return values.at(-1)?.loc.end.line ?? table.loc.start.line;
}

function startsWith(key: readonly string[] | undefined, prefix: readonly string[]): boolean {
  return key !== undefined && key.length >= prefix.length && prefix.every((part, index) => key[index] === part);
}

/** Our entry as TOML lines: its table, then its env table; undefined when it holds a table we cannot place. */
function renderedEntry(serversKey: string, name: string, value: Record<string, unknown>, format: TomlFormat): string[] | undefined {
  const { env, ...scalars } = value;
  if (Object.values(scalars).some((field) => isPlainObject(field))) return undefined;
  const header = `${tomlKey(serversKey)}.${tomlKey(name)}`;
  const body = (object: Record<string, unknown>) => stringify(object, format).split(/\r?\n/).filter((line) => line !== '');
  const lines = [`[${header}]`, ...body(scalars)];
  if (isPlainObject(env) && Object.keys(env).length > 0) lines.push('', `[${header}.env]`, ...body(env));
  return lines;
}

function withServers(root: Record<string, unknown>, serversKey: string, change: (servers: Record<string, unknown>) => void): Record<string, unknown> {
  const current = root[serversKey];
  const servers = isPlainObject(current) ? { ...current } : {};
  change(servers);
  return { ...root, [serversKey]: servers };
}

/** Adds a new entry as its own tables after the other servers; undefined when the file's layout does not allow that. */
function appendEntryTables(text: string, blocks: TomlNode[], serversKey: string, name: string, value: Record<string, unknown>, format: TomlFormat): string | undefined {
  // Servers written as an inline table or dotted keys at the top cannot be extended with a table header.
  if (blocks.some((block) => block.type === 'KeyValue' && block.key?.value?.[0] === serversKey)) return undefined;
  const lines = renderedEntry(serversKey, name, value, format);
  if (!lines) return undefined;
  const eol = format.newLine;
  const section = lines.join(eol);
  const lastServerTable = blocks.filter((block) => startsWith(tableKeyOf(block), [serversKey])).at(-1);
  if (text === '') return section + eol;
  if (lastServerTable === undefined) return text.endsWith('\n') ? `${text}${eol}${section}${eol}` : `${text}${eol}${eol}${section}`;
  const at = afterLine(text, lineStarts(text), lastValueLine(lastServerTable));
  if (at === text.length && !text.endsWith('\n')) return `${text}${eol}${eol}${section}`;
  return `${text.slice(0, at)}${eol}${section}${eol}${text.slice(at)}`;
}

/**
 * Removes an entry written as consecutive tables of its own (the way we add it), with the blank
 * line before it; undefined when it is written some other way.
 */
function removeEntryTables(text: string, blocks: TomlNode[], serversKey: string, name: string): string | undefined {
  const own = blocks.flatMap((block, index) => (startsWith(tableKeyOf(block), [serversKey, name]) ? [index] : []));
  const first = own[0];
  const last = own.at(-1);
  if (first === undefined || last === undefined || last - first + 1 !== own.length) return undefined;
  const firstBlock = blocks[first];
  const lastBlock = blocks[last];
  if (!firstBlock || !lastBlock || tableKeyOf(firstBlock)?.length !== 2) return undefined;
  const starts = lineStarts(text);
  const headerLine = firstBlock.loc.start.line;
  const lineText = (line: number) => text.slice(starts[line - 1] ?? text.length, afterLine(text, starts, line));
  let from = starts[headerLine - 1] ?? 0;
  if (headerLine > 1 && lineText(headerLine - 1).trim() === '') from = starts[headerLine - 2] ?? from;
  const to = afterLine(text, starts, lastValueLine(lastBlock));
  // At the end of a file without a final line break, the break before us goes too.
  if (to === text.length && !text.endsWith('\n') && from > 0) from -= text[from - 2] === '\r' ? 2 : 1;
  return text.slice(0, from) + text.slice(to);
}

/** A parsed value in a form two parsers' results can be compared in: plain objects, dates as text. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return `${value.constructor.name}:${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, comparable(field)]));
  return value;
}

function editorFailure(filePath: string, detail: string): Error {
  return configRefusal(filePath, `could not be changed without touching other settings (${detail})`);
}

/**
 * Applies the plan's operations to the TOML text, then checks with the second parser that the
 * file now holds exactly what it held before plus our change.
 */
export function applyTomlOperations(text: string, serversKey: string, operations: readonly EntryOperation[], filePath: string): string {
  const before = parseTomlConfig(text, serversKey, filePath).root;
  let result = text;
  for (const operation of operations) {
    try {
      const document = parseDocument(result);
      const blocks = document.cst as unknown as TomlNode[];
      const format = TomlFormat.autoDetectFormat(result === '' ? '\n' : result);
      const root = document.toJsObject as Record<string, unknown>;
      const exists = isPlainObject(root[serversKey]) && Object.hasOwn(root[serversKey], operation.name);
      if (operation.kind === 'set') {
        const placed = exists ? undefined : appendEntryTables(result, blocks, serversKey, operation.name, operation.value, format);
        result = placed ?? patch(result, withServers(root, serversKey, (servers) => (servers[operation.name] = operation.value)), format);
      } else if (exists) {
        const removed = removeEntryTables(result, blocks, serversKey, operation.name);
        result = removed ?? patch(result, withServers(root, serversKey, (servers) => delete servers[operation.name]), format);
      }
    } catch (error) {
      throw editorFailure(filePath, error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    }
  }
  const expected = operations.reduce(
    (root, operation) => withServers(root, serversKey, (servers) => (operation.kind === 'set' ? (servers[operation.name] = operation.value) : delete servers[operation.name])),
    before,
  );
  const after = parseTomlConfig(result, serversKey, filePath).root;
  // A server map left empty is the same as none: its last table is gone, and with it the implicit table.
  const servers = expected[serversKey];
  if (isPlainObject(servers) && Object.keys(servers).length === 0 && !(serversKey in after)) delete expected[serversKey];
  if (!isDeepStrictEqual(comparable(after), comparable(expected))) {
    throw editorFailure(filePath, 'a second TOML parser read something other than the intended change');
  }
  return result;
}
