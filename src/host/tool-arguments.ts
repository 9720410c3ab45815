/**
 * Tool arguments from the command line: `--json '{...}'` or `key=value` words. A value is parsed as
 * JSON when it parses (numbers, booleans, null, arrays, objects), else kept as text; when the tool's
 * input schema says a property is a string, the text is kept as typed (so `zip=02134` stays "02134").
 * Dotted keys build nested objects: `place.lat=52.5 place.lon=13.4`.
 */
import { UsageError } from './cli-errors';
import { isPlainObject } from '../shared/plain-object';

export type ToolArguments = Record<string, unknown>;

/** The parts of a JSON Schema this file looks at. */
interface SchemaNode {
  type?: unknown;
  properties?: unknown;
}

export function parseJsonArguments(text: string): ToolArguments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--json is not valid JSON: ${(error as Error).message}.`);
  }
  if (!isPlainObject(parsed)) throw new UsageError('--json must be a JSON object, e.g. --json \'{"location": "Berlin"}\'.');
  return parsed;
}

/** The schema node for a dotted path, if the input schema describes it. */
function schemaAt(schema: unknown, path: string[]): SchemaNode | undefined {
  let node: unknown = schema;
  for (const key of path) {
    if (!isPlainObject(node) || !isPlainObject(node.properties)) return undefined;
    node = node.properties[key];
  }
  return isPlainObject(node) ? node : undefined;
}

function expectsOnlyString(node: SchemaNode | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === 'string') return true;
  return Array.isArray(node.type) && node.type.every((type) => type === 'string' || type === 'null') && node.type.includes('string');
}

function parseValue(raw: string, keepAsText: boolean): unknown {
  if (keepAsText) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Own property even for names like "__proto__", so a key can never reach Object.prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function parseKeyValueArguments(words: string[], inputSchema?: unknown): ToolArguments {
  const result: ToolArguments = {};
  for (const word of words) {
    const equals = word.indexOf('=');
    if (equals <= 0) throw new UsageError(`"${word}" is not an argument: write name=value (or pass --json '{...}').`);
    const path = word.slice(0, equals).split('.');
    if (path.some((key) => key === '')) throw new UsageError(`"${word.slice(0, equals)}" is not a valid argument name.`);
    const value = parseValue(word.slice(equals + 1), expectsOnlyString(schemaAt(inputSchema, path)));

    let target = result;
    for (const [index, key] of path.entries()) {
      const isLast = index === path.length - 1;
      const existing = Object.hasOwn(target, key) ? target[key] : undefined;
      if (isLast) {
        if (existing !== undefined) throw new UsageError(`Argument "${path.join('.')}" is given twice.`);
        setOwn(target, key, value);
      } else if (existing === undefined) {
        const child: ToolArguments = {};
        setOwn(target, key, child);
        target = child;
      } else if (isPlainObject(existing)) {
        target = existing;
      } else {
        throw new UsageError(`Argument "${path.slice(0, index + 1).join('.')}" is both a value and an object.`);
      }
    }
  }
  return result;
}
