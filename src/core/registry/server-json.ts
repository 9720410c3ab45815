/**
 * The MCP Registry's wire shapes, as its OpenAPI (`docs/reference/api/openapi.yaml`, API v0.1) and
 * the `server.json` schema (`docs/reference/server-json/server.schema.json`) define them. Unknown
 * fields are kept, not refused: the registry adds fields between schema versions.
 */
import { z } from 'zod';

/** Input: a value the user supplies or the entry fixes, with how to present it. */
const inputFields = {
  description: z.string().optional(),
  isRequired: z.boolean().optional(),
  format: z.string().optional(),
  /** Fixed by the publisher; `{name}` parts are filled from `variables`. */
  value: z.string().optional(),
  isSecret: z.boolean().optional(),
  default: z.string().optional(),
  placeholder: z.string().optional(),
  choices: z.array(z.string()).optional(),
};
export const RegistryInputSchema = z.looseObject(inputFields);
export type RegistryInput = z.infer<typeof RegistryInputSchema>;

const withVariables = { ...inputFields, variables: z.record(z.string(), RegistryInputSchema).optional() };

/** KeyValueInput: an environment variable or a header. */
export const KeyValueInputSchema = z.looseObject({ ...withVariables, name: z.string().min(1) });
export type KeyValueInput = z.infer<typeof KeyValueInputSchema>;

/** Argument: a positional value, or a named `--flag` with its value. */
export const ArgumentSchema = z.discriminatedUnion('type', [
  z.looseObject({ ...withVariables, type: z.literal('positional'), valueHint: z.string().optional(), isRepeated: z.boolean().optional() }),
  z.looseObject({ ...withVariables, type: z.literal('named'), name: z.string().min(1), isRepeated: z.boolean().optional() }),
]);
export type RegistryArgument = z.infer<typeof ArgumentSchema>;

const UrlTransportSchema = z.looseObject({
  type: z.enum(['streamable-http', 'sse']),
  url: z.string(),
  headers: z.array(KeyValueInputSchema).optional(),
  variables: z.record(z.string(), RegistryInputSchema).optional(),
});
export const TransportSchema = z.union([z.looseObject({ type: z.literal('stdio') }), UrlTransportSchema]);

export const PackageSchema = z.looseObject({
  registryType: z.string().min(1),
  registryBaseUrl: z.string().optional(),
  identifier: z.string().min(1),
  /** Required by the 2025-09-29 schema, optional for mcpb since 2025-10-17 (and for oci, whose identifier carries the tag). */
  version: z.string().min(1).optional(),
  fileSha256: z.string().regex(/^[a-f0-9]{64}$/, 'fileSha256 must be 64 lowercase hex digits').optional(),
  runtimeHint: z.string().optional(),
  transport: TransportSchema,
  runtimeArguments: z.array(ArgumentSchema).optional(),
  packageArguments: z.array(ArgumentSchema).optional(),
  environmentVariables: z.array(KeyValueInputSchema).optional(),
});
export type RegistryPackage = z.infer<typeof PackageSchema>;

export const ServerDetailSchema = z.looseObject({
  name: z.string().regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, 'a server name is "namespace/name" in reverse-DNS form'),
  description: z.string(),
  title: z.string().optional(),
  version: z.string(),
  websiteUrl: z.string().optional(),
  repository: z.looseObject({ url: z.string(), source: z.string(), subfolder: z.string().optional() }).optional(),
  packages: z.array(PackageSchema).optional(),
  remotes: z.array(UrlTransportSchema).optional(),
});
export type ServerDetail = z.infer<typeof ServerDetailSchema>;

export const OFFICIAL_META_KEY = 'io.modelcontextprotocol.registry/official';

const OfficialMetaSchema = z.looseObject({
  status: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  isLatest: z.boolean().optional(),
});

/** ServerResponse: the server.json document and the registry's own metadata beside it. */
export const ServerResponseSchema = z.object({
  server: ServerDetailSchema,
  _meta: z.looseObject({ [OFFICIAL_META_KEY]: OfficialMetaSchema.optional() }).optional(),
});
export type ServerResponse = z.infer<typeof ServerResponseSchema>;

/**
 * ServerList: one page of `GET /v0.1/servers`. An empty or missing nextCursor means the last page.
 * Each entry is checked on its own, so one malformed document does not hide the rest of the page.
 */
export const ServerListSchema = z.object({
  servers: z.array(z.unknown()),
  metadata: z.looseObject({ nextCursor: z.string().nullish(), count: z.number().int().optional() }).optional(),
});
export type ServerList = z.infer<typeof ServerListSchema>;
