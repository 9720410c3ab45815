import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';

type JsonSchema = Record<string, unknown>;

/**
 * A tool schema whose JSON Schema is known already (from the build) and whose validator is built on
 * its first use: listing the tools then needs no schema library at all. The SDK reads any Standard
 * Schema, and awaits `validate` for both a call's arguments and its structured result.
 */
export function deferredSchema(json: JsonSchema, load: () => Promise<StandardSchemaWithJSON>): StandardSchemaWithJSON<Record<string, unknown>> {
  return {
    '~standard': {
      version: 1,
      vendor: 'mcp-tray-deferred',
      validate: async (value: unknown) => (await load())['~standard'].validate(value) as Awaited<ReturnType<StandardSchemaWithJSON<Record<string, unknown>>['~standard']['validate']>>,
      jsonSchema: { input: () => json, output: () => json },
    },
  };
}
