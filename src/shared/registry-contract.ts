/**
 * What the MCP Registry methods (`registry.search`, `registry.show`, `registry.add`) take and give.
 * An entry is shown with what each of its packages becomes in MCP Tray: the command line, the
 * environment, the secrets asked for, whether it can be installed and whether its file is checked.
 */
import { z } from 'zod';
import { ENV_NAME_PATTERN, ENV_NAME_RULE } from './vocabulary';

// Built here, not imported from contract.ts, which imports this file.
const EnvNameSchema = z.string().regex(ENV_NAME_PATTERN, ENV_NAME_RULE);

/** `namespace/name`, as the registry names servers (e.g. `io.github.user/weather`). */
export const RegistryNameSchema = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, 'A registry name is "namespace/name", e.g. "io.github.user/weather".');
const VersionSchema = z.string().trim().min(1).max(255);

/** Where an answer came from: the registry now, or the cache when the registry could not be reached. */
export const RegistrySourceSchema = z.object({
  registryUrl: z.string(),
  offline: z.boolean(),
  /** When offline: when the cached entries were fetched (the oldest of them). */
  cachedAt: z.string().nullable(),
  /** When offline: why the registry could not be asked. */
  offlineReason: z.string().nullable(),
});
export type RegistrySource = z.infer<typeof RegistrySourceSchema>;

export const RegistrySummarySchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  description: z.string(),
  version: z.string(),
  /** The part of the name before the slash: who published it, as the registry checked it. */
  namespace: z.string(),
  /** Package types offered, e.g. ["npm"]; empty for a remote-only entry. */
  packageTypes: z.array(z.string()),
  remote: z.boolean(),
  installable: z.boolean(),
});
export type RegistrySummary = z.infer<typeof RegistrySummarySchema>;

/** One environment variable the package reads. */
export const PackageVariableSchema = z.object({
  name: EnvNameSchema,
  description: z.string().nullable(),
  isSecret: z.boolean(),
  isRequired: z.boolean(),
  default: z.string().nullable(),
  /** Set by the publisher: not asked for. */
  fixed: z.boolean(),
  choices: z.array(z.string()),
});
export type PackageVariable = z.infer<typeof PackageVariableSchema>;

/** `verified`: a hash is given and is checked before the first run; `unverified`: no hash, the runtime fetches what it gets; `uncheckable`: a hash is given that this runtime cannot check. */
export const VerificationSchema = z.enum(['verified', 'unverified', 'uncheckable']);
export type Verification = z.infer<typeof VerificationSchema>;

export const PackagePlanSchema = z.object({
  index: z.number().int().min(0),
  registryType: z.string(),
  identifier: z.string(),
  version: z.string().nullable(),
  transport: z.string(),
  /** The runtime it needs (npx, uvx, docker), null when MCP Tray cannot run this type. */
  runtime: z.string().nullable(),
  /** Where the runtime was found, null when it was not. */
  runtimePath: z.string().nullable(),
  command: z.string().nullable(),
  args: z.array(z.string()),
  /** Options the publisher passes to the runtime itself (before the package or image), shown apart so they are seen. */
  runtimeFlags: z.array(z.string()),
  /** Environment the publisher fixes or defaults (no secrets here: those are only named). */
  env: z.record(EnvNameSchema, z.string()),
  variables: z.array(PackageVariableSchema),
  secretEnv: z.array(EnvNameSchema),
  installable: z.boolean(),
  /** Why it cannot be installed, and what to do when something can be done. */
  whyNot: z.string().nullable(),
  verification: VerificationSchema,
  fileSha256: z.string().nullable(),
  /** How the file is checked, or why it cannot be, in a sentence. */
  verificationNote: z.string(),
});
export type PackagePlan = z.infer<typeof PackagePlanSchema>;

export const RegistryRemoteSchema = z.object({ type: z.string(), url: z.string() });

export const RegistryEntrySchema = RegistrySummarySchema.extend({
  websiteUrl: z.string().nullable(),
  repositoryUrl: z.string().nullable(),
  packages: z.array(PackagePlanSchema),
  remotes: z.array(RegistryRemoteSchema),
  /** The id the server would get in MCP Tray. */
  suggestedId: z.string(),
  /** A plain sentence: installing runs this publisher's code. */
  trustNote: z.string(),
});
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

export const RegistrySearchInputSchema = z.object({
  text: z.string().trim().max(200).default(''),
  cursor: z.string().min(1).max(2_000).optional(),
});
export const RegistrySearchResultSchema = z.object({
  results: z.array(RegistrySummarySchema),
  /** Pass back as `cursor` for the next page; null on the last page (and always offline). */
  nextCursor: z.string().nullable(),
  source: RegistrySourceSchema,
});
export type RegistrySearchResult = z.infer<typeof RegistrySearchResultSchema>;

export const RegistryShowInputSchema = z.object({ name: RegistryNameSchema, version: VersionSchema.optional() });
export const RegistryShowResultSchema = z.object({ entry: RegistryEntrySchema, source: RegistrySourceSchema });
export type RegistryShowResult = z.infer<typeof RegistryShowResultSchema>;

export const RegistryAddInputSchema = z.object({
  name: RegistryNameSchema,
  version: VersionSchema.optional(),
  /** Which package of the entry; the first installable one when not given. */
  packageIndex: z.number().int().min(0).max(100).optional(),
  /** Values of the package's secret variables: they go to the keychain only. */
  secrets: z.record(EnvNameSchema, z.string().min(1, 'A secret cannot be empty.')).default({}),
  /** Values of its other variables. */
  env: z.record(EnvNameSchema, z.string()).default({}),
  /** Start it now and with MCP Tray; a CLI with no manager running adds it without starting it. */
  autostart: z.boolean().default(true),
});
export type RegistryAddInput = z.input<typeof RegistryAddInputSchema>;
