import * as z from 'zod';

type JsonSchema = Record<string, unknown>;
type ConversionOptions = Parameters<z.ZodObject['~standard']['jsonSchema']['input']>[0];
type Direction = 'input' | 'output';
type PrecomputedJsonSchemas = Record<string, Partial<Record<Direction, JsonSchema>>>;

/** The JSON Schema dialect the SDK asks for (MCP: JSON Schema 2020-12 unless a schema says otherwise). */
export const SDK_JSON_SCHEMA_TARGET = 'draft-2020-12';

// scripts/build-servers.mjs converts every tool schema at build time and defines this as their JSON text.
declare const __PRECOMPUTED_TOOL_JSON_SCHEMAS__: string;
let precomputed: PrecomputedJsonSchemas | undefined;

function precomputedFor(key: string): Partial<Record<Direction, JsonSchema>> | undefined {
  if (typeof __PRECOMPUTED_TOOL_JSON_SCHEMAS__ === 'undefined') return undefined;
  precomputed ??= JSON.parse(__PRECOMPUTED_TOOL_JSON_SCHEMAS__) as PrecomputedJsonSchemas;
  return precomputed[key];
}

/** Every tool schema of the process by key, for the build to convert. */
const schemasByKey = new Map<string, z.ZodObject>();

/**
 * A tool's (or prompt's) input or output schema: one zod object for the life of the process, whose
 * JSON Schema is converted only once per direction. The SDK converts on every `tools/list` and, for
 * output schemas, on every `tools/call` of each server instance, and HTTP mode builds an instance per
 * request; a fresh zod object per instance would also throw away zod's compiled parser each time.
 * A built server has the conversions from the build, so even its first `tools/list` converts nothing.
 * The SDK reads them through Standard JSON Schema's `~standard.jsonSchema`.
 *
 * `key` names the schema among every server's and says how the SDK reads it: "get_weather.input",
 * "get_weather.output", "weather-briefing.args".
 */
export function toolSchema<Shape extends z.ZodRawShape>(key: string, shape: Shape): z.ZodObject<Shape> {
  if (schemasByKey.has(key)) throw new Error(`Two tool schemas are named "${key}".`);
  const schema = z.object(shape);
  schemasByKey.set(key, schema);
  const standard = schema['~standard'];
  const converted = new Map<string, JsonSchema>();
  const convertOnce = (io: Direction) => (options: ConversionOptions) => {
    if (options.libraryOptions) return standard.jsonSchema[io](options);
    const cacheKey = `${io} ${options.target}`;
    let json = converted.get(cacheKey);
    if (!json) {
      const fromBuild = options.target === SDK_JSON_SCHEMA_TARGET ? precomputedFor(key)?.[io] : undefined;
      // Shared by every server instance from now on, so nobody may change it.
      json = deepFreeze(fromBuild ?? standard.jsonSchema[io](options));
      converted.set(cacheKey, json);
    }
    return json;
  };
  schema['~standard'] = { ...standard, jsonSchema: { input: convertOnce('input'), output: convertOnce('output') } };
  return schema;
}

/**
 * What the build embeds: each tool schema created so far, converted as the SDK will ask for it (an
 * output schema as output, an input or prompt-argument schema as input).
 */
export function toolJsonSchemasForBuild(): PrecomputedJsonSchemas {
  const table: PrecomputedJsonSchemas = {};
  for (const [key, schema] of schemasByKey) {
    const io: Direction = key.endsWith('.output') ? 'output' : 'input';
    table[key] = { [io]: schema['~standard'].jsonSchema[io]({ target: SDK_JSON_SCHEMA_TARGET }) };
  }
  return table;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
