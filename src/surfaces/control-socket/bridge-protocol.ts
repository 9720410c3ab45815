/**
 * The control socket's bridge upgrade, as both ends see it. Lean on purpose: the launcher imports
 * this (not protocol.ts, which loads the contract and the MCP SDK's schemas), and every module it
 * loads delays a client's server start.
 *
 *   launcher -> manager   {"id":1,"bridge":{"serverId":"weather","client":"claude-desktop","resume":{...}},"token":"..."}
 *   manager -> launcher   {"id":1,"result":{"sessionId":"...","protocol":1}}
 *                       | {"id":1,"error":{"code":"not_found"|"conflict"|...,"message":"..."}} and the manager hangs up
 *
 * After a success answer the connection carries raw MCP, one JSON-RPC message (or batch) per line,
 * both ways, until either side closes it. The manager checks the request with
 * BridgeOpenRequestSchema (src/core/bridge/bridge-port.ts); BridgeRequestLine is its shape as sent.
 */
import * as z from 'zod/mini';
import { BYTES_PER_MB, HIGHEST_MAX_MESSAGE_MB } from '../../shared/message-size';

export const BRIDGE_PROTOCOL_VERSION = 1;

/** Replies carry tool results up to the largest message limit the settings allow, plus their envelope. */
export const MAX_REPLY_LINE_CHARS = (HIGHEST_MAX_MESSAGE_MB + 16) * BYTES_PER_MB;
/** The longest MCP line a bridged client may send: the largest message the settings allow. */
export const MAX_BRIDGE_CLIENT_LINE_CHARS = HIGHEST_MAX_MESSAGE_MB * BYTES_PER_MB;

/** What the client said in its initialize request, sent again when the launcher reconnects. */
export interface ResumedHandshakeLine {
  protocolVersion: string;
  capabilities: Record<string, unknown>;
  clientInfo: { name: string; version: string } & Record<string, unknown>;
}

export interface BridgeRequestLine {
  id: number;
  bridge: { serverId: string; client?: string; resume?: ResumedHandshakeLine };
  /** The control token (control-token.ts), where the manager requires one. */
  token?: string;
}

const RequestIdSchema = z.union([z.number(), z.string()]);
export const BridgeOpenReplySchema = z.union([
  z.object({ id: RequestIdSchema, result: z.object({ sessionId: z.string(), protocol: z.number() }) }),
  z.object({ id: RequestIdSchema, error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type BridgeOpenReply = z.infer<typeof BridgeOpenReplySchema>;

/** A first answer longer than this is not a bridge answer. */
export const MAX_BRIDGE_REPLY_CHARS = 64 * 1024;
