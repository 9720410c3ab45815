/**
 * The part of JSON Schema (draft-07 and 2020-12 as MCP servers emit them) that the playground
 * understands, read defensively from whatever a server sent: a keyword with the wrong type is
 * ignored rather than trusted.
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  types?: JsonType[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  hasConst?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  /** Tuple form (draft-07 array items / 2020-12 prefixItems): the form leaves these to JSON. */
  tupleItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  /** false forbids other properties; a schema constrains them. */
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  ref?: string;
  /** The raw root document, kept so $ref pointers can be resolved against it. */
  definitions?: Record<string, JsonSchema>;
  /** Keywords present that this file does not model: their part of the form falls back to JSON. */
  unsupported?: string[];
}

const JSON_TYPES: readonly JsonType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const IGNORED_KEYWORDS = new Set(['$schema', '$id', '$comment', 'examples', 'readOnly', 'writeOnly', 'deprecated', 'contentMediaType', 'contentEncoding', '$anchor']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberAt(node: Record<string, unknown>, key: string): number | undefined {
  const value = node[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringAt(node: Record<string, unknown>, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

function schemaList(value: unknown): JsonSchema[] | undefined {
  return Array.isArray(value) ? value.map(readSchema) : undefined;
}

function schemaMap(value: unknown): Record<string, JsonSchema> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, readSchema(child)]));
}

function readTypes(value: unknown): JsonType[] | undefined {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list) return undefined;
  const types = list.filter((type): type is JsonType => JSON_TYPES.includes(type as JsonType));
  return types.length > 0 ? types : undefined;
}

/** Draft-04 wrote exclusive bounds as booleans next to minimum/maximum; later drafts as numbers. */
function readExclusiveBound(node: Record<string, unknown>, key: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum') {
  const value = node[key];
  if (typeof value === 'number') return value;
  if (value === true) return numberAt(node, bound);
  return undefined;
}

const MODELLED_KEYWORDS = new Set([
  'type', 'title', 'description', 'default', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'items', 'prefixItems', 'minItems',
  'maxItems', 'uniqueItems', 'properties', 'required', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not',
  '$ref', '$defs', 'definitions',
]);

// The document each schema was read from, for the validator, which reads JSON Schema as written.
const sources = new WeakMap<JsonSchema, unknown>();

/** The JSON the schema was read from (undefined for a schema built by hand). */
export function sourceOf(schema: JsonSchema): unknown {
  return sources.get(schema);
}

/** Reads any value as a schema: `true` and non-objects accept everything, `false` accepts nothing. */
export function readSchema(value: unknown): JsonSchema {
  const schema = readSchemaNode(value);
  sources.set(schema, value);
  return schema;
}

function readSchemaNode(value: unknown): JsonSchema {
  if (value === false) return { not: {} };
  if (!isRecord(value)) return {};
  const node = value;
  const schema: JsonSchema = {};
  const types = readTypes(node.type);
  if (types) schema.types = types;
  const title = stringAt(node, 'title');
  if (title !== undefined) schema.title = title;
  const description = stringAt(node, 'description');
  if (description !== undefined) schema.description = description;
  if ('default' in node) schema.default = node.default;
  if (Array.isArray(node.enum)) schema.enum = node.enum;
  if ('const' in node) {
    schema.const = node.const;
    schema.hasConst = true;
  }
  for (const key of ['format', 'pattern'] as const) {
    const text = stringAt(node, key);
    if (text !== undefined) schema[key] = text;
  }
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems'] as const) {
    const number = numberAt(node, key);
    if (number !== undefined) schema[key] = number;
  }
  const exclusiveMinimum = readExclusiveBound(node, 'exclusiveMinimum', 'minimum');
  if (exclusiveMinimum !== undefined) schema.exclusiveMinimum = exclusiveMinimum;
  const exclusiveMaximum = readExclusiveBound(node, 'exclusiveMaximum', 'maximum');
  if (exclusiveMaximum !== undefined) schema.exclusiveMaximum = exclusiveMaximum;
  if (Array.isArray(node.items)) schema.tupleItems = schemaList(node.items);
  else if ('items' in node) schema.items = readSchema(node.items);
  if (Array.isArray(node.prefixItems)) schema.tupleItems = schemaList(node.prefixItems);
  if (node.uniqueItems === true) schema.uniqueItems = true;
  const properties = schemaMap(node.properties);
  if (properties) schema.properties = properties;
  if (Array.isArray(node.required)) schema.required = node.required.filter((key): key is string => typeof key === 'string');
  if (typeof node.additionalProperties === 'boolean') schema.additionalProperties = node.additionalProperties;
  else if (isRecord(node.additionalProperties)) schema.additionalProperties = readSchema(node.additionalProperties);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schemaList(node[key]);
    if (list) schema[key] = list;
  }
  if ('not' in node) schema.not = readSchema(node.not);
  const ref = stringAt(node, '$ref');
  if (ref !== undefined) schema.ref = ref;
  const definitions = { ...schemaMap(node.definitions), ...schemaMap(node.$defs) };
  if (Object.keys(definitions).length > 0) schema.definitions = definitions;
  const unsupported = Object.keys(node).filter((key) => !MODELLED_KEYWORDS.has(key) && !IGNORED_KEYWORDS.has(key) && !key.startsWith('x-'));
  if (unsupported.length > 0) schema.unsupported = unsupported;
  return schema;
}

/**
 * Follows a local `$ref` ("#/$defs/Place", "#/definitions/Place") from the root. Remote refs are
 * not fetched: the playground never reaches the network on a server's say-so.
 */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match?.[2]) return ref === '#' ? root : undefined;
  const name = match[2].replace(/~1/g, '/').replace(/~0/g, '~');
  return root.definitions?.[name];
}

/** What the schema is said to be, or undefined when it does not say (anything goes). */
export function declaredTypes(schema: JsonSchema): JsonType[] | undefined {
  if (schema.types) return schema.types;
  if (schema.hasConst) return [jsonTypeOf(schema.const)];
  if (schema.enum && schema.enum.length > 0) return [...new Set(schema.enum.map(jsonTypeOf))];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return undefined;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

/** Structural equality of JSON values, for enum and const checks. */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => jsonEquals(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key]));
  }
  return false;
}
