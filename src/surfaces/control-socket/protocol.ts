/**
 * The control socket's wire format: newline-delimited JSON, one message per line.
 *
 *   client -> manager   { id, method, params }        call a contract method (params validated by AppCore)
 *                       { id, subscribe: "<event>" }  receive that event from now on
 *                       { id, unsubscribe: "<event>" }
 *                       { id, ping: true }            is this MCP Tray? (answers its pid)
 *                       { id, bridge: {...} }         first line only: becomes an MCP session (bridge-protocol.ts)
 *                       any first request may carry "token" (control-token.ts); the manager may require it
 *   manager -> client   { id, result }  |  { id, error: { code, message } }   (id null: the line was unusable)
 *                       { event, payload }
 *
 * Both sides validate every line they receive with the schemas below before acting on it.
 */
import { z } from 'zod';
import { ContractErrorSchema, events, type EventName } from '../../shared/contract';
import { MAX_REPLY_LINE_CHARS } from './bridge-protocol';

export { MAX_REPLY_LINE_CHARS };

export const CONTROL_PROTOCOL_VERSION = 1;

/** Requests are small; a longer line is not ours and the connection is dropped. */
export const MAX_REQUEST_LINE_CHARS = 1024 * 1024;
/**
 * A subscriber that stops reading is dropped once this much waits for it, so it cannot grow the
 * manager's memory. Large replies the peer asked for are counted apart (MAX_QUEUED_REPLY_CHARS).
 */
export const MAX_BUFFERED_CHARS_PER_CLIENT = 32 * 1024 * 1024;
/**
 * Large replies a peer asked for and has not read yet. One is always let through, whatever its size;
 * a peer that keeps asking without reading is dropped once more than this waits for it.
 */
export const MAX_QUEUED_REPLY_CHARS = 2 * MAX_REPLY_LINE_CHARS;

const eventNames = Object.keys(events) as [EventName, ...EventName[]];
const EventNameSchema = z.enum(eventNames);

export const RequestIdSchema = z.union([z.number().int().nonnegative(), z.string().min(1).max(100)]);
export type RequestId = z.infer<typeof RequestIdSchema>;

const CallRequestSchema = z.strictObject({ id: RequestIdSchema, method: z.string().min(1).max(100), params: z.unknown().optional() });
const SubscribeRequestSchema = z.strictObject({ id: RequestIdSchema, subscribe: EventNameSchema });
const UnsubscribeRequestSchema = z.strictObject({ id: RequestIdSchema, unsubscribe: EventNameSchema });
const PingRequestSchema = z.strictObject({ id: RequestIdSchema, ping: z.literal(true) });

export const ControlRequestSchema = z.union([CallRequestSchema, SubscribeRequestSchema, UnsubscribeRequestSchema, PingRequestSchema]);

export const PingResultSchema = z.object({ pid: z.number().int(), protocol: z.number().int() });
export type PingResult = z.infer<typeof PingResultSchema>;

const SuccessReplySchema = z.strictObject({ id: RequestIdSchema, result: z.unknown() });
const ErrorReplySchema = z.strictObject({ id: RequestIdSchema.nullable(), error: ContractErrorSchema });
const EventMessageSchema = z.strictObject({ event: EventNameSchema, payload: z.unknown() });
export const ControlReplySchema = z.union([SuccessReplySchema, ErrorReplySchema, EventMessageSchema]);

export function encodeLine(message: object): string {
  return `${JSON.stringify(message)}\n`;
}

/** Parses one received line as JSON, or undefined when it is not JSON at all. */
export function parseJsonLine(line: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    return undefined;
  }
}
