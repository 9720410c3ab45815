import * as z from 'zod';

type JsonSchema = Record<string, unknown>;
type ConversionOptions = Parameters<z.ZodObject['~standard']['jsonSchema']['input']>[0];

/**
 * A tool's (or prompt's) input or output schema: one zod object for the life of the process, whose
 * JSON Schema is converted only once per direction. The SDK converts on every `tools/list` and, for
 * output schemas, on every `tools/call` of each server instance, and HTTP mode builds an instance per
 * request; a fresh zod object per instance would also throw away zod's compiled parser each time.
 * The SDK reads the conversion through Standard JSON Schema's `~standard.jsonSchema`.
 */
export function toolSchema<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape> {
  const schema = z.object(shape);
  const standard = schema['~standard'];
  const converted = new Map<string, JsonSchema>();
  const convertOnce = (io: 'input' | 'output') => (options: ConversionOptions) => {
    if (options.libraryOptions) return standard.jsonSchema[io](options);
    const key = `${io} ${options.target}`;
    let json = converted.get(key);
    if (!json) {
      // Shared by every server instance from now on, so nobody may change it.
      json = deepFreeze(standard.jsonSchema[io](options));
      converted.set(key, json);
    }
    return json;
  };
  schema['~standard'] = { ...standard, jsonSchema: { input: convertOnce('input'), output: convertOnce('output') } };
  return schema;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
