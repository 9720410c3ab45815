/**
 * The playground's protocol methods: what a running server declared in its handshake, completions,
 * resource subscriptions of the UI, and the level the UI's log view listens at.
 */
import { CompleteResultSchema, ImplementationSchema, LoggingLevelSchema, ServerCapabilitiesSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { SERVER_ID_PATTERN, SERVER_ID_RULE } from './vocabulary';

// Its own copy of the id rule: contract.ts imports this file, so this file cannot import contract.ts.
const ServerIdSchema = z.string().regex(SERVER_ID_PATTERN, SERVER_ID_RULE);

/** MCP's logging levels (RFC 5424 severities), least severe first. */
export const McpLoggingLevelSchema = LoggingLevelSchema;
export type McpLoggingLevel = z.infer<typeof McpLoggingLevelSchema>;

/** What the running process said of itself in the manager's handshake, and what the UI asked of it. */
export const ServerProtocolSchema = z.object({
  serverId: ServerIdSchema,
  protocolVersion: z.string().nullable(),
  serverInfo: ImplementationSchema.nullable(),
  capabilities: ServerCapabilitiesSchema,
  instructions: z.string().nullable(),
  /** The level the manager's log view keeps a server's MCP log messages at (info unless the UI chose another this run). */
  logLevel: McpLoggingLevelSchema,
  /** The resource URIs the UI is subscribed to on this server. */
  subscriptions: z.array(z.string()),
});
export type ServerProtocol = z.infer<typeof ServerProtocolSchema>;

/** What is being completed (MCP 2025-11-25, Server > Utilities > Completion: ref/prompt, ref/resource). */
export const CompletionRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ref/prompt'), name: z.string().min(1) }),
  z.object({ type: z.literal('ref/resource'), uri: z.string().min(1) }),
]);
export type CompletionRef = z.infer<typeof CompletionRefSchema>;

export const CompletionRequestSchema = z.object({
  serverId: ServerIdSchema,
  ref: CompletionRefSchema,
  argument: z.object({ name: z.string().min(1), value: z.string().max(10_000) }),
  /** Values already given for the other arguments, for completions that depend on them. */
  context: z.object({ arguments: z.record(z.string(), z.string()) }).optional(),
});

export const ResourceSubscriptionSchema = z.object({ serverId: ServerIdSchema, uri: z.string().min(1) });

export const ServerLogLevelSchema = z.object({ serverId: ServerIdSchema, level: McpLoggingLevelSchema });

/** A resource the UI subscribed to changed on the server (notifications/resources/updated). */
export const ResourceUpdatedEventSchema = z.object({ serverId: ServerIdSchema, uri: z.string() });

export { CompleteResultSchema };
