/**
 * Importing the servers a client's config already has: the plan (what each entry would become, which
 * environment values would move into the keychain, what is skipped and why) and the summary of what
 * was done. Secret values never travel here: a secret is named, with at most a masked hint.
 */
import { z } from 'zod';
import { ENV_NAME_PATTERN, ENV_NAME_RULE, SERVER_ID_PATTERN, SERVER_ID_RULE } from './vocabulary';

// The same rules as contract.ts's schemas, declared here because contract.ts imports this file.
const ServerIdSchema = z.string().regex(SERVER_ID_PATTERN, SERVER_ID_RULE);
const EnvNameSchema = z.string().regex(ENV_NAME_PATTERN, ENV_NAME_RULE);
/** contract.ts narrows it to ClientIdSchema where the methods are declared. */
const ClientIdSchema = z.string();

export const ImportScopeSchema = z.enum(['user', 'project']);

/** Why a value counts as a secret: a word of its name, the shape of its value, or a URL with a password or key in it. */
export const SecretReasonSchema = z.enum(['name', 'shape', 'url']);

export const ImportEnvVariableSchema = z.object({
  name: EnvNameSchema,
  /** Suggested: move it into the keychain. */
  secret: z.boolean(),
  reason: SecretReasonSchema.nullable(),
  /** The value when it is not suggested as a secret; null for a secret (its hint shows instead). */
  value: z.string().nullable(),
  /** A masked hint of a secret's value, e.g. "ghp_… (40 characters)"; null when not a secret. */
  hint: z.string().nullable(),
  /** VS Code asks for this value itself (`${input:…}`): the server gets it as a secret that is not set yet. */
  unset: z.boolean(),
});
export type ImportEnvVariable = z.infer<typeof ImportEnvVariableSchema>;

export const ImportEntrySchema = z.object({
  /** Stable reference to the entry in this client's file, used in the import's choices. */
  key: z.string(),
  /** The entry's name in the client's file. */
  name: z.string(),
  scope: ImportScopeSchema,
  /** The project folder of a Claude Code per-project entry; null for user entries. */
  project: z.string().nullable(),
  /** The MCP Tray id it becomes (the name made valid, with a suffix on a clash). */
  serverId: ServerIdSchema,
  command: z.string(),
  /** Its arguments, with anything shaped like a token masked. */
  args: z.array(z.string()),
  env: z.array(ImportEnvVariableSchema),
  /** The client marks it disabled: it is imported disabled. */
  enabled: z.boolean(),
  /**
   * An argument carries a token, which would stay in plain text in MCP Tray's settings: the entry is
   * not imported unless its choice says keepTokenArgs.
   */
  argsHoldToken: z.boolean(),
  /** What needs the user's attention, each a sentence with what to do. */
  flags: z.array(z.string()),
});
export type ImportEntry = z.infer<typeof ImportEntrySchema>;

export const ImportSkippedSchema = z.object({
  name: z.string(),
  scope: ImportScopeSchema,
  project: z.string().nullable(),
  reason: z.string(),
});
export type ImportSkipped = z.infer<typeof ImportSkippedSchema>;

export const ImportRemoteSchema = z.object({ name: z.string(), scope: ImportScopeSchema, project: z.string().nullable() });

export const ImportPlanSchema = z.object({
  clientId: ClientIdSchema,
  clientName: z.string(),
  configPath: z.string(),
  /** The entries that can be imported (user entries, and per-project ones when asked for). */
  entries: z.array(ImportEntrySchema),
  /** Claude Code's per-project entries, listed apart: imported only when asked for. */
  projectEntries: z.array(z.object({ name: z.string(), project: z.string() })),
  /** Remote entries (url, serverUrl, httpUrl): remote, not imported yet. */
  remote: z.array(ImportRemoteSchema),
  skipped: z.array(ImportSkippedSchema),
  /** Notes on the whole file, e.g. a token in a remote entry that stays where it is. */
  flags: z.array(z.string()),
});

/** Without the client id: contract.ts adds it with ClientIdSchema. */
export const ImportPlanInputSchema = z.object({ includeProjects: z.boolean().default(false) });

export const ImportChoiceSchema = z.object({
  key: z.string().min(1),
  /** The variables that move into the keychain; default: those the plan suggests. */
  secrets: z.array(EnvNameSchema).optional(),
  /** Import it although an argument carries a token (argsHoldToken), which then stays in plain text in MCP Tray's settings. */
  keepTokenArgs: z.boolean().default(false),
});
export type ImportChoice = z.infer<typeof ImportChoiceSchema>;

/** Without the client id: contract.ts adds it with ClientIdSchema. */
export const ImportInputSchema = z.object({
  /** The entries to import; default: every entry the plan lists except those whose arguments hold a token. */
  choices: z.array(ImportChoiceSchema).max(1_000).optional(),
  /** Replace the client's entries for the imported servers with MCP Tray launcher entries. */
  rewrite: z.boolean().default(false),
  includeProjects: z.boolean().default(false),
  /** Work out everything, write nothing: the diff and the summary of what would happen. */
  dryRun: z.boolean().default(false),
});

export const ImportedServerSchema = z.object({
  name: z.string(),
  scope: ImportScopeSchema,
  project: z.string().nullable(),
  serverId: ServerIdSchema,
  enabled: z.boolean(),
  /** The variables kept in the keychain, by name only. */
  secrets: z.array(EnvNameSchema),
  /** Secrets declared but not set (VS Code inputs): set them with `mcp-tray secrets set`. */
  unsetSecrets: z.array(EnvNameSchema),
});
export type ImportedServer = z.infer<typeof ImportedServerSchema>;

export const ImportSummarySchema = z.object({
  clientId: ClientIdSchema,
  configPath: z.string(),
  dryRun: z.boolean(),
  added: z.array(ImportedServerSchema),
  flags: z.array(z.string()),
  skipped: z.array(ImportSkippedSchema),
  remote: z.array(ImportRemoteSchema),
  /** Unified diff of the client's file (secrets masked); empty without a rewrite. */
  diff: z.string(),
  rewritten: z.boolean(),
  /** The copy of the file as it was. It still holds any token that was in plain text. */
  backupPath: z.string().nullable(),
  backupHoldsSecrets: z.boolean(),
  /** Every backup of this client's file in MCP Tray's data folder that still holds a value moved to the keychain, the new one included. */
  backupsWithSecrets: z.array(z.string()),
  restartHint: z.string(),
});

export const DropBackupInputSchema = z.object({ path: z.string().min(1) });
export const DropBackupResultSchema = z.object({ path: z.string(), deleted: z.literal(true) });
