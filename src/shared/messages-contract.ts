/**
 * The Messages tab's part of the contract: every JSON-RPC message on a server's wire, as a journal
 * the UI and the CLI query, follow (event messages.appended, then messages.query with afterSeq) and
 * open one by one.
 */
import { z } from 'zod';
import { SERVER_ID_PATTERN, SERVER_ID_RULE } from './vocabulary';

// Not contract.ts's own: that file spreads these schemas in, and a cycle would leave them undefined.
const ServerIdSchema = z.string().regex(SERVER_ID_PATTERN, SERVER_ID_RULE);

/** Which way a message went: from the manager to the server's process, or back. */
export const MessageDirectionSchema = z.enum(['to-server', 'from-server']);
export type MessageDirection = z.infer<typeof MessageDirectionSchema>;

export const MessageKindSchema = z.enum(['request', 'response', 'error', 'notification']);
export type MessageKind = z.infer<typeof MessageKindSchema>;

/** The session label of the manager's own health pings. */
export const HEALTH_SESSION = 'health';
/** The journal's default size per server, in megabytes. */
export const DEFAULT_MESSAGE_BUFFER_MB = 8;
export const HIGHEST_MESSAGE_BUFFER_MB = 1_024;

export const MessageSummarySchema = z.object({
  seq: z.number().int(),
  serverId: ServerIdSchema,
  time: z.string(),
  direction: MessageDirectionSchema,
  kind: MessageKindSchema,
  /** A response's method is its request's, when the request was seen. */
  method: z.string().nullable(),
  id: z.union([z.string(), z.number()]).nullable(),
  /** Bytes of the line on the wire (UTF-8, without its newline). */
  bytes: z.number().int(),
  /** For a response: milliseconds since its request was sent. */
  latencyMs: z.number().nullable(),
  /** Which bridged client the message belongs to, "MCP Tray" for calls made through MCP Tray itself, "health" for pings; null when it belongs to no one caller. */
  session: z.string().nullable(),
  /** The call made through MCP Tray (tools.call) the message belongs to. */
  callId: z.string().nullable(),
});
export type MessageSummary = z.infer<typeof MessageSummarySchema>;

export const MessageBufferStatsSchema = z.object({
  bytesUsed: z.number().int(),
  maxBytes: z.number().int(),
  count: z.number().int(),
  maxCount: z.number().int(),
  /** Messages dropped from the start to stay within the bounds, since the manager started. */
  dropped: z.number().int(),
});
export type MessageBufferStats = z.infer<typeof MessageBufferStatsSchema>;

export const MessageFiltersSchema = z.object({
  /** Part of the method name, any case. */
  method: z.string().max(200).optional(),
  direction: MessageDirectionSchema.optional(),
  session: z.string().max(200).optional(),
  callId: z.string().max(100).optional(),
});
export type MessageFilters = z.infer<typeof MessageFiltersSchema>;

export const MessageQuerySchema = z.object({
  serverId: ServerIdSchema,
  /** Only messages after this one; without it, the newest `limit` messages. */
  afterSeq: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(100_000).default(1_000),
  filters: MessageFiltersSchema.default({}),
});
export type MessageQuery = z.input<typeof MessageQuerySchema>;

export const MessageQueryResultSchema = z.object({
  messages: z.array(MessageSummarySchema),
  stats: MessageBufferStatsSchema,
  /** Every session label seen in the buffer, for the session filter. */
  sessions: z.array(z.string()),
  /** The newest message's seq in the journal (0 before any): the afterSeq to follow on from, unless `messages` stopped at `limit`. */
  lastSeq: z.number().int().min(0),
});
export type MessageQueryResult = z.infer<typeof MessageQueryResultSchema>;

export const MessageDetailSchema = MessageSummarySchema.extend({
  /** The message as sent, with known secret values and token shapes redacted; _meta kept as sent. */
  json: z.string(),
  /** False when the message was larger than the whole buffer and only its summary was kept. */
  kept: z.boolean(),
});
export type MessageDetail = z.infer<typeof MessageDetailSchema>;

export const messagesMethods = {
  'messages.query': { input: MessageQuerySchema, output: MessageQueryResultSchema },
  'messages.get': { input: z.object({ serverId: ServerIdSchema, seq: z.number().int().min(0) }), output: MessageDetailSchema },
} as const;

/** A server's wire carried new messages, up to `lastSeq`; sent at most every ~100 ms per server. */
export const MessagesAppendedSchema = z.object({
  serverId: ServerIdSchema,
  lastSeq: z.number().int().min(0),
});
export type MessagesAppended = z.infer<typeof MessagesAppendedSchema>;

export const messagesEvents = {
  /** New messages on a server's wire: messages.query with afterSeq gives their summaries. */
  'messages.appended': MessagesAppendedSchema,
} as const;

/** The fields a message is filtered on, shared by the journal's entries and the summaries the UI holds. */
interface FilteredMessage {
  direction: MessageDirection;
  method: string | null;
  session: string | null;
  callId: string | null;
}

/** Whether a message passes the filters: method by any part in any case, the rest exactly. */
export function messageFilter(filters: MessageFilters): (message: FilteredMessage) => boolean {
  const method = filters.method?.trim().toLowerCase() || undefined;
  const { direction, session, callId } = filters;
  return (message) =>
    (direction === undefined || message.direction === direction) &&
    (session === undefined || message.session === session) &&
    (callId === undefined || message.callId === callId) &&
    (method === undefined || (message.method !== null && message.method.toLowerCase().includes(method)));
}
