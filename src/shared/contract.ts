/**
 * The contract between the manager (AppCore) and every surface that drives it: the React UI over
 * Electron IPC or HTTP, and the CLI over the control socket. Each method has a zod schema for its
 * input and its result; each event has a schema for its payload. Receivers validate with these.
 */
import {
  CallToolResultSchema,
  GetPromptResultSchema,
  PromptSchema,
  ReadResourceResultSchema,
  ResourceSchema,
  ResourceTemplateSchema,
  ToolSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { DropBackupInputSchema, DropBackupResultSchema, ImportInputSchema, ImportPlanInputSchema, ImportPlanSchema, ImportSummarySchema } from './import-contract';
import { DEFAULT_MAX_MESSAGE_MB, HIGHEST_MAX_MESSAGE_MB } from './message-size';
import { DEFAULT_MESSAGE_BUFFER_MB, HIGHEST_MESSAGE_BUFFER_MB, messagesEvents, messagesMethods } from './messages-contract';
import { MAX_INPUT_DEPTH, fieldNestedTooDeep } from './input-depth';
import { isPlainObject } from './plain-object';
import { serverRequestEvents, serverRequestMethods } from './server-requests-contract';
import {
  CompleteResultSchema,
  CompletionRequestSchema,
  ResourceSubscriptionSchema,
  ResourceUpdatedEventSchema,
  ServerLogLevelSchema,
  ServerProtocolSchema,
} from './playground-contract';
import { PackagePlanSchema, RegistryAddInputSchema, RegistrySearchInputSchema, RegistrySearchResultSchema, RegistryShowInputSchema, RegistryShowResultSchema } from './registry-contract';
import { ENV_NAME_PATTERN, ENV_NAME_RULE, SERVER_ID_PATTERN, SERVER_ID_RULE } from './vocabulary';

export const ServerIdSchema = z.string().regex(SERVER_ID_PATTERN, SERVER_ID_RULE);
export const EnvNameSchema = z.string().regex(ENV_NAME_PATTERN, ENV_NAME_RULE);
const EnvMapSchema = z.record(EnvNameSchema, z.string());

/**
 * How the clients that reach a server through the launcher share it: one supervised process for
 * every client (`shared`), or a supervised process of its own for each client session, for servers
 * that keep state per session or shape their tools by the client.
 */
export const SharingSchema = z.enum(['shared', 'per-session']);
export type Sharing = z.infer<typeof SharingSchema>;
/** Folders a server may work in, answered to its roots/list request: absolute paths. */
export const RootsSchema = z
  .array(z.string().min(1).refine((folder) => folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || folder.startsWith('\\\\'), 'Give each root folder as an absolute path.'))
  .max(100);
/** The name a client goes by: MCP_TRAY_CLIENT of its entry, else its clientInfo.name. */
export const ClientNameSchema = z.string().trim().min(1, 'Name the client.').max(100);

export const ServerStateSchema = z.enum(['stopped', 'starting', 'running', 'degraded', 'backoff', 'failed']);
export type ServerState = z.infer<typeof ServerStateSchema>;

/** A custom server as the user describes it. Secret values never travel here, only their names. */
/** A custom server's fields, without defaults: a patch must leave alone what it does not name. */
const customServerFields = {
  name: z.string().trim().min(1, 'Give the server a name.').max(80),
  command: z.string().trim().min(1, 'Enter the command that starts the server (e.g. "npx").'),
  args: z.array(z.string()),
  env: EnvMapSchema,
  secretEnv: z.array(EnvNameSchema),
  enabled: z.boolean(),
  autostart: z.boolean(),
  sharing: SharingSchema,
  roots: RootsSchema,
};

export const CustomServerInputSchema = z.object({
  id: ServerIdSchema,
  ...customServerFields,
  args: customServerFields.args.default([]),
  env: customServerFields.env.default({}),
  secretEnv: customServerFields.secretEnv.default([]),
  enabled: customServerFields.enabled.default(true),
  autostart: customServerFields.autostart.default(true),
  // A server MCP Tray did not write may keep state per session: each client gets its own process unless told otherwise.
  sharing: customServerFields.sharing.default('per-session'),
  roots: customServerFields.roots.default([]),
});
/** A change to a custom server: only the fields given, none filled in by a default. */
const CustomServerPatchSchema = z.object(customServerFields).partial();
export type CustomServerInput = z.input<typeof CustomServerInputSchema>;
export type CustomServer = z.output<typeof CustomServerInputSchema>;

/**
 * Any server as the manager runs it: a custom server's fields, with what kind it is. Its `env` is
 * non-secret environment only: the server's own settings (e.g. WEATHER_API_URL).
 */
export const ServerDefinitionSchema = z.object({
  ...customServerFields,
  id: ServerIdSchema,
  name: z.string(),
  description: z.string(),
  kind: z.enum(['bundled', 'custom']),
  /** For bundled servers, the built entry file; for custom ones, the user's command. */
  command: z.string(),
});
export type ServerDefinition = z.infer<typeof ServerDefinitionSchema>;

export const LastExitSchema = z.object({
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  at: z.string(),
  /** The last stderr lines before the exit, redacted. */
  stderrTail: z.array(z.string()),
});
export type LastExit = z.infer<typeof LastExitSchema>;

export const HealthSchema = z.object({
  serverId: ServerIdSchema,
  state: ServerStateSchema,
  pid: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  uptimeMs: z.number().nullable(),
  restartCount: z.number().int(),
  /** When the next restart is due, while in backoff. */
  nextRestartAt: z.string().nullable(),
  lastExit: LastExitSchema.nullable(),
  /** Why the server is not running, in words a person can act on. */
  error: z.string().nullable(),
  pingLatencyMs: z.object({ last: z.number().nullable(), median: z.number().nullable() }),
  consecutivePingFailures: z.number().int(),
  rssBytes: z.number().nullable(),
  counts: z.object({ tools: z.number().int(), resources: z.number().int(), prompts: z.number().int() }),
});
export type Health = z.infer<typeof HealthSchema>;

export const ServerSummarySchema = ServerDefinitionSchema.extend({ health: HealthSchema });
export type ServerSummary = z.infer<typeof ServerSummarySchema>;

export const LogLevelSchema = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
export type LogLevel = z.infer<typeof LogLevelSchema>;
export const LogSourceSchema = z.enum(['stderr', 'stdout', 'mcp', 'lifecycle', 'call']);
export type LogSource = z.infer<typeof LogSourceSchema>;

export const LogEntrySchema = z.object({
  /** Increasing per manager run; lets a follower resume without gaps. */
  seq: z.number().int(),
  serverId: ServerIdSchema,
  time: z.string(),
  level: LogLevelSchema,
  source: LogSourceSchema,
  message: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const LogQuerySchema = z.object({
  serverId: ServerIdSchema.optional(),
  /** Entries at this level or above. */
  minLevel: LogLevelSchema.optional(),
  /** Case-insensitive substring of the message or fields. */
  text: z.string().max(500).optional(),
  since: z.string().datetime({ offset: true }).optional(),
  until: z.string().datetime({ offset: true }).optional(),
  /** Entries after this sequence number (for resuming a tail). */
  afterSeq: z.number().int().optional(),
  /** Only the calls this client made (the name shown in the server's sessions), matched without regard to case. */
  client: ClientNameSchema.optional(),
  limit: z.number().int().min(1).max(100_000).default(1_000),
});
export type LogQuery = z.input<typeof LogQuerySchema>;

export const SecretStatusSchema = z.object({ serverId: ServerIdSchema, name: EnvNameSchema, isSet: z.boolean() });
export type SecretStatus = z.infer<typeof SecretStatusSchema>;

export const AppSettingsSchema = z.object({
  healthIntervalMs: z.number().int().min(1_000).max(3_600_000).default(15_000),
  pingTimeoutMs: z.number().int().min(100).max(120_000).default(5_000),
  callTimeoutMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
  logBufferSize: z.number().int().min(100).max(1_000_000).default(5_000),
  /** The largest message a server may send (a tool result with a screenshot or a file); a larger one fails its call. */
  maxMessageMb: z.number().int().min(1).max(HIGHEST_MAX_MESSAGE_MB).default(DEFAULT_MAX_MESSAGE_MB),
  /** How much of each server's JSON-RPC traffic the Messages tab keeps in memory. */
  messageBufferMb: z.number().int().min(1).max(HIGHEST_MESSAGE_BUFFER_MB).default(DEFAULT_MESSAGE_BUFFER_MB),
  startAtLogin: z.boolean().default(false),
  /** Servers whose tools that do not say whether they change data run from the playground without asking first. */
  runUnannotatedToolsWithoutAsking: z.array(ServerIdSchema).max(1_000).default([]),
  /** How long a server's sampling or elicitation request waits for a person in MCP Tray's window. */
  serverRequestTimeoutMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

export const ClientIdSchema = z.enum(['claude-desktop', 'claude-code', 'cursor', 'copilot', 'vscode', 'windsurf', 'codex', 'gemini-cli', 'zed', 'lm-studio']);
export type ClientId = z.infer<typeof ClientIdSchema>;

/** How one of our servers stands in one client's config file. */
export const RegistrationStateSchema = z.enum(['registered', 'not registered', 'outdated', 'conflict']);
export type RegistrationState = z.infer<typeof RegistrationStateSchema>;

export const ClientStatusSchema = z.object({
  id: ClientIdSchema,
  name: z.string(),
  /** The client looks installed (its config folder or CLI exists). */
  detected: z.boolean(),
  configPath: z.string().nullable(),
  /** The config file exists (a client may read several files: the UI compares them). */
  configExists: z.boolean(),
  servers: z.array(
    z.object({
      serverId: ServerIdSchema,
      /** The key of our entry in the client's file (normally the server id). */
      entryName: z.string(),
      state: RegistrationStateSchema,
    }),
  ),
  /** The file exists but cannot be read or parsed: what is wrong, with line and column. */
  error: z.string().nullable(),
  /** What the user must do for the client to load a change, e.g. "Quit Claude Desktop fully and open it again." */
  restartHint: z.string(),
});
export type ClientStatus = z.infer<typeof ClientStatusSchema>;

const ClientChangeInputSchema = z.object({
  clientId: ClientIdSchema,
  /** Default: every enabled server. */
  serverIds: z.array(ServerIdSchema).optional(),
  /** A foreign entry with our name is never replaced; with this, ours is added under a free name instead. */
  renameOnConflict: z.boolean().default(false),
});

export const ClientChangeResultSchema = z.object({
  clientId: ClientIdSchema,
  configPath: z.string(),
  /** Unified diff of the file, before -> after; empty when nothing changes. */
  diff: z.string(),
  changed: z.boolean(),
  /** Entries left alone because a foreign entry holds the name (and renameOnConflict was not set). */
  conflicts: z.array(ServerIdSchema),
  backupPath: z.string().nullable(),
  restartHint: z.string(),
});
export type ClientChangeResult = z.infer<typeof ClientChangeResultSchema>;

/** One client connected to a server through the launcher's bridge. */
export const ClientSessionSchema = z.object({
  sessionId: z.string(),
  serverId: ServerIdSchema,
  /** The name the client goes by (see ClientNameSchema). */
  client: z.string(),
  /** What the client said of itself in its handshake, when it made one. */
  clientInfo: z.object({ name: z.string(), version: z.string() }).nullable(),
  protocolVersion: z.string().nullable(),
  since: z.string(),
  /** Tool calls it made in this session. */
  calls: z.number().int(),
  /** The server process it uses: the shared one, or its own (per-session sharing); null while none runs. */
  pid: z.number().int().nullable(),
});
export type ClientSession = z.infer<typeof ClientSessionSchema>;

/** Which of a server's tools are turned off, for every client or for one. */
export const ToolAccessSchema = z.object({
  serverId: ServerIdSchema,
  offForAll: z.array(z.string()),
  /** By client name. */
  offByClient: z.record(z.string(), z.array(z.string())),
  /** The client names to choose from: those seen on this server and those MCP Tray registers with. */
  clients: z.array(z.string()),
});
export type ToolAccess = z.infer<typeof ToolAccessSchema>;

/** How one tool differs from the definition the user approved. */
export const ToolChangeSchema = z.object({
  tool: z.string(),
  change: z.enum(['added', 'changed', 'removed']),
  /** The parts that differ: title, description, inputSchema, annotations. */
  fields: z.array(z.string()),
  /** A unified diff of the approved definition against the current one, as 2-space JSON. */
  diff: z.string(),
});
export type ToolChange = z.infer<typeof ToolChangeSchema>;

/** A server's tool definitions against the ones approved: what changed and what is held back. */
export const ToolChangesSchema = z.object({
  serverId: ServerIdSchema,
  /** False for bundled servers: they are approved with each MCP Tray release and never held. */
  pinned: z.boolean(),
  approvedAt: z.string().nullable(),
  changes: z.array(ToolChangeSchema),
  /** Tools held back from clients until approved. */
  held: z.array(z.string()),
});
export type ToolChanges = z.infer<typeof ToolChangesSchema>;

const ById = z.object({ id: ServerIdSchema });
const ByServer = z.object({ serverId: ServerIdSchema });
const Empty = z.object({}).default({});

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'servers.list': method(Empty, z.array(ServerSummarySchema)),
  'servers.get': method(ById, ServerSummarySchema),
  'servers.start': method(ById, HealthSchema),
  'servers.stop': method(ById, HealthSchema),
  'servers.restart': method(ById, HealthSchema),
  'servers.add': method(CustomServerInputSchema, ServerSummarySchema),
  'servers.update': method(
    z.object({ id: ServerIdSchema, patch: CustomServerPatchSchema }),
    ServerSummarySchema,
  ),
  'servers.remove': method(ById, z.object({ removed: z.literal(true) })),
  'servers.setEnabled': method(z.object({ id: ServerIdSchema, enabled: z.boolean() }), ServerSummarySchema),
  'servers.setAutostart': method(z.object({ id: ServerIdSchema, autostart: z.boolean() }), ServerSummarySchema),
  /** Sets non-secret environment variables; null removes one. Works for bundled servers too. */
  'servers.setEnv': method(
    z.object({ id: ServerIdSchema, env: z.record(EnvNameSchema, z.string().nullable()) }),
    ServerSummarySchema,
  ),
  'servers.setSharing': method(z.object({ id: ServerIdSchema, sharing: SharingSchema }), ServerSummarySchema),
  'servers.setRoots': method(z.object({ id: ServerIdSchema, roots: RootsSchema }), ServerSummarySchema),
  'health.get': method(ById, HealthSchema),
  /** The clients connected through the launcher, to one server or to all. */
  'sessions.list': method(z.object({ serverId: ServerIdSchema.optional() }).default({}), z.object({ sessions: z.array(ClientSessionSchema) })),
  'logs.query': method(LogQuerySchema, z.object({ entries: z.array(LogEntrySchema) })),
  /** Where a server's log is kept: the newest lines in memory, every line in rotated files (file null when none are written). */
  'logs.storage': method(
    ByServer,
    z.object({ linesInMemory: z.number().int(), file: z.string().nullable(), maxFileBytes: z.number().int(), maxFiles: z.number().int() }),
  ),
  'tools.list': method(ByServer, z.object({ tools: z.array(ToolSchema) })),
  'tools.call': method(
    z.object({
      serverId: ServerIdSchema,
      name: z.string().min(1),
      // Any plain JSON object, taken as it is (no copy): the server checks it against the tool's input schema.
      arguments: z.custom<Record<string, unknown>>(isPlainObject, 'Expected the tool arguments as a JSON object, e.g. {"location": "Berlin"}.').default({}),
      /** Chosen by the caller so it can cancel the call or match progress events to it. */
      callId: z.string().min(1).max(100).optional(),
      timeoutMs: z.number().int().min(100).max(3_600_000).optional(),
    }),
    z.object({ callId: z.string(), durationMs: z.number(), result: CallToolResultSchema }),
  ),
  'tools.access': method(ByServer, ToolAccessSchema),
  /** Turns a tool off or on for every client, or for the one named. */
  'tools.setEnabled': method(
    z.object({ serverId: ServerIdSchema, tool: z.string().min(1).max(200), enabled: z.boolean(), client: ClientNameSchema.optional() }),
    ToolAccessSchema,
  ),
  'tools.changes': method(ByServer, ToolChangesSchema),
  /** Approves the current definitions of the tools named, or of every changed tool. */
  'tools.approve': method(z.object({ serverId: ServerIdSchema, tools: z.array(z.string().min(1)).max(1_000).optional() }), ToolChangesSchema),
  'calls.cancel': method(z.object({ callId: z.string().min(1) }), z.object({ cancelled: z.boolean() })),
  'resources.list': method(
    ByServer,
    z.object({ resources: z.array(ResourceSchema), resourceTemplates: z.array(ResourceTemplateSchema) }),
  ),
  'resources.read': method(z.object({ serverId: ServerIdSchema, uri: z.string().min(1) }), ReadResourceResultSchema),
  'prompts.list': method(ByServer, z.object({ prompts: z.array(PromptSchema) })),
  'prompts.get': method(
    z.object({ serverId: ServerIdSchema, name: z.string().min(1), arguments: z.record(z.string(), z.string()).default({}) }),
    GetPromptResultSchema,
  ),
  'secrets.list': method(
    z.object({ serverId: ServerIdSchema.optional() }).default({}),
    // keychainService: where the values are kept (with the account from shared/vocabulary), so the UI can say so.
    z.object({ secrets: z.array(SecretStatusSchema), keychainService: z.string().optional() }),
  ),
  'secrets.set': method(
    z.object({ serverId: ServerIdSchema, name: EnvNameSchema, value: z.string().min(1, 'A secret cannot be empty; use delete to clear it.') }),
    SecretStatusSchema,
  ),
  'secrets.delete': method(z.object({ serverId: ServerIdSchema, name: EnvNameSchema }), SecretStatusSchema),
  'clients.list': method(Empty, z.array(ClientStatusSchema)),
  /** What register/unregister/repair would write, without writing. */
  'clients.preview': method(
    ClientChangeInputSchema.extend({ action: z.enum(['register', 'unregister', 'repair']) }),
    ClientChangeResultSchema,
  ),
  'clients.register': method(ClientChangeInputSchema, ClientChangeResultSchema),
  'clients.unregister': method(ClientChangeInputSchema.omit({ renameOnConflict: true }), ClientChangeResultSchema),
  'clients.repair': method(z.object({ clientId: ClientIdSchema }), ClientChangeResultSchema),
  /** What importing a client's servers would do; reads the file, changes nothing. */
  'clients.importPlan': method(ImportPlanInputSchema.extend({ clientId: ClientIdSchema }), ImportPlanSchema.extend({ clientId: ClientIdSchema })),
  'clients.import': method(ImportInputSchema.extend({ clientId: ClientIdSchema }), ImportSummarySchema.extend({ clientId: ClientIdSchema })),
  /** Deletes a backup of a client's config (it may hold a token that was imported); only backups in the data folder. */
  'clients.dropBackup': method(DropBackupInputSchema, DropBackupResultSchema),
  'settings.get': method(Empty, AppSettingsSchema),
  'settings.update': method(AppSettingsSchema.partial(), AppSettingsSchema),
  ...messagesMethods,
  ...serverRequestMethods,
  /** What the running server declared in its handshake (capabilities, serverInfo, instructions, protocolVersion). */
  'servers.protocol': method(ById, ServerProtocolSchema),
  /** The server's completion/complete answer for a prompt argument or a resource-template variable. */
  'completions.complete': method(CompletionRequestSchema, CompleteResultSchema),
  'resources.subscribe': method(ResourceSubscriptionSchema, z.object({ subscribed: z.literal(true) })),
  'resources.unsubscribe': method(ResourceSubscriptionSchema, z.object({ subscribed: z.literal(false) })),
  /** The level the manager's own session listens at on this server, for this run. */
  'logs.setServerLevel': method(ServerLogLevelSchema, ServerLogLevelSchema),
  'registry.search': method(RegistrySearchInputSchema, RegistrySearchResultSchema),
  'registry.show': method(RegistryShowInputSchema, RegistryShowResultSchema),
  /** Adds a registry package as a custom server; its secret values go to the keychain only. */
  'registry.add': method(RegistryAddInputSchema, z.object({ server: ServerSummarySchema, package: PackagePlanSchema })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParams<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['output']>;

export const ProgressEventSchema = z.object({
  callId: z.string(),
  serverId: ServerIdSchema,
  progress: z.number(),
  total: z.number().optional(),
  message: z.string().optional(),
});

export const events = {
  'server.health': HealthSchema,
  'servers.changed': z.object({ serverIds: z.array(ServerIdSchema) }),
  'log.entry': LogEntrySchema,
  'call.progress': ProgressEventSchema,
  /** A client connected to or left a server, or made a call. */
  'sessions.changed': z.object({ serverId: ServerIdSchema }),
  /** Which of a server's tools are held back changed (for the tray's notification and badge). */
  'tools.held': z.object({ serverId: ServerIdSchema, held: z.array(z.string()) }),
  'server.listChanged': z.object({ serverId: ServerIdSchema, kind: z.enum(['tools', 'resources', 'prompts']) }),
  /** The app settings as saved, after every successful settings.update from any surface. */
  'settings.changed': AppSettingsSchema,
  ...messagesEvents,
  ...serverRequestEvents,
  'resources.updated': ResourceUpdatedEventSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** Errors that cross the boundary carry a code a UI can branch on and a message a person can act on. */
export const ContractErrorCodeSchema = z.enum([
  'invalid_input',
  'not_found',
  'conflict',
  'not_running',
  /** Something the manager needs cannot be used now, e.g. the keychain is locked or missing. */
  'unavailable',
  /** No answer came: the caller lost its way to the manager (said by the caller's side: the UI, the control-socket client). */
  'manager_unreachable',
  'timeout',
  'cancelled',
  'failed',
]);
export type ContractErrorCode = z.infer<typeof ContractErrorCodeSchema>;
export const ContractErrorSchema = z.object({ code: ContractErrorCodeSchema, message: z.string() });

export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly code: ContractErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(contract, value);
}

/** Turns a zod failure into one readable sentence per problem, naming the field. */
export function describeValidationError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

export function parseInput<M extends MethodName>(method: M, input: unknown): MethodParams<M> {
  const deepField = fieldNestedTooDeep(input);
  if (deepField !== undefined) {
    throw new ContractError('invalid_input', `${deepField || 'The input'} is nested more than ${MAX_INPUT_DEPTH} levels deep, more than MCP Tray accepts. Send deeply nested data as a JSON string instead.`);
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) throw new ContractError('invalid_input', describeValidationError(parsed.error));
  return parsed.data as MethodParams<M>;
}
