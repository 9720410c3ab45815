/**
 * Tool arguments from the command line: `--json '{...}'` or `key=value` words. A value is parsed as
 * JSON when it parses (numbers, booleans, null, arrays, objects), else kept as text; when the tool's
 * input schema says a property is a string, the text is kept as typed (so `zip=02134` stays "02134"),
 * and the same holds inside a value: in `ids=[1,2]` for an array of strings the items are "1", "2".
 * Dotted keys build nested objects: `place.lat=52.5 place.lon=13.4`. `--json` is taken as written.
 */
import { UsageError } from './cli-errors';
import { isPlainObject } from '../shared/plain-object';
import { messageOf } from '../shared/error-message';

export type ToolArguments = Record<string, unknown>;

/** The parts of a JSON Schema this file looks at. */
interface SchemaNode {
  type?: unknown;
  properties?: unknown;
  additionalProperties?: unknown;
  items?: unknown;
  prefixItems?: unknown;
  enum?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
}

export function parseJsonArguments(text: string): ToolArguments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--json is not valid JSON: ${messageOf(error)}.`);
  }
  if (!isPlainObject(parsed)) throw new UsageError('--json must be a JSON object, e.g. --json \'{"location": "Berlin"}\'.');
  return parsed;
}

/** The schema node for a dotted path, if the input schema describes it. */
function schemaAt(schema: unknown, path: string[]): SchemaNode | undefined {
  let node = asNode(schema);
  for (const key of path) {
    if (node === undefined) return undefined;
    node = propertySchema(node, key);
  }
  return node;
}

function asNode(value: unknown): SchemaNode | undefined {
  return isPlainObject(value) ? value : undefined;
}

function typesOf(node: SchemaNode): unknown[] {
  return Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
}

function unionBranches(node: SchemaNode): SchemaNode[] | undefined {
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  return branches?.map(asNode).filter((branch): branch is SchemaNode => branch !== undefined);
}

function isNullOnly(node: SchemaNode): boolean {
  const types = typesOf(node);
  return types.length > 0 && types.every((type) => type === 'null');
}

/** The schema allows text and nothing else (null aside): a string type, a string enum, or a union of those. */
function expectsOnlyString(node: SchemaNode | undefined): boolean {
  if (node === undefined) return false;
  const types = typesOf(node);
  if (types.length > 0) return types.includes('string') && types.every((type) => type === 'string' || type === 'null');
  if (Array.isArray(node.enum)) return node.enum.length > 0 && node.enum.every((item) => typeof item === 'string');
  const branches = unionBranches(node);
  return branches !== undefined && branches.some(expectsOnlyString) && branches.every((branch) => expectsOnlyString(branch) || isNullOnly(branch));
}

function allowsNull(node: SchemaNode): boolean {
  return typesOf(node).includes('null') || (unionBranches(node)?.some(isNullOnly) ?? false);
}

function itemSchema(node: SchemaNode, index: number): SchemaNode | undefined {
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
  if (tuple) return index < tuple.length ? asNode(tuple[index]) : undefined;
  return asNode(node.items);
}

function propertySchema(node: SchemaNode, key: string): SchemaNode | undefined {
  const declared = isPlainObject(node.properties) && Object.hasOwn(node.properties, key) ? asNode(node.properties[key]) : undefined;
  return declared ?? asNode(node.additionalProperties);
}

/** A parsed value made to fit its schema where text was meant: numbers and booleans inside it become the text typed. */
function coerceToSchema(value: unknown, node: SchemaNode | undefined): unknown {
  if (node === undefined) return value;
  if (expectsOnlyString(node)) {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === null && !allowsNull(node)) return 'null';
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => coerceToSchema(item, itemSchema(node, index)));
  if (isPlainObject(value)) {
    const result: ToolArguments = {};
    for (const [key, item] of Object.entries(value)) setOwn(result, key, coerceToSchema(item, propertySchema(node, key)));
    return result;
  }
  return value;
}

function parseValue(raw: string, node: SchemaNode | undefined): unknown {
  if (expectsOnlyString(node)) return raw;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  return coerceToSchema(parsed, node);
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
    const value = parseValue(word.slice(equals + 1), schemaAt(inputSchema, path));

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
