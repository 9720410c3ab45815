/**
 * How a surface hands the manager one client session that came through the launcher's bridge.
 * The control socket upgrades a connection to a session after its bridge request; from then on
 * each line is one JSON-RPC message of MCP, in either direction.
 */
import { z } from 'zod';
import { ClientNameSchema, ServerIdSchema } from '../../shared/contract';

/** After a reconnect, what the client said in its handshake, so it need not make it again. */
export const ResumedHandshakeSchema = z.object({
  protocolVersion: z.string().min(1).max(50),
  capabilities: z.record(z.string(), z.unknown()),
  clientInfo: z.object({ name: z.string().max(200), version: z.string().max(200) }).loose(),
});
export type ResumedHandshake = z.infer<typeof ResumedHandshakeSchema>;

export const BridgeOpenRequestSchema = z.object({
  serverId: ServerIdSchema,
  /** MCP_TRAY_CLIENT of the client's entry, when it names one; otherwise the handshake's clientInfo.name. */
  client: ClientNameSchema.optional(),
  resume: ResumedHandshakeSchema.optional(),
});
export type BridgeOpenRequest = z.infer<typeof BridgeOpenRequestSchema>;

/** The client's end of a session, as the manager writes to it. */
export interface SessionPeer {
  /**
   * One serialized JSON-RPC message. Responses are written with "jsonrpc" then "id" as their first
   * keys, and requests with "method" before "id", so the launcher can tell them apart from the
   * line's start without parsing it.
   */
  send(line: string): void;
  /** Ends the session from the manager's side (the server was removed, the manager stops). */
  close(reason: string): void;
}

/** The manager's end of a session. */
export interface BridgeSession {
  readonly sessionId: string;
  /** One line the client wrote; the manager parses it. */
  receive(line: string): void;
  /** The client went away: its requests still running are cancelled. */
  close(): void;
}

export interface BridgePort {
  /** Refused with a ContractError the launcher prints: an unknown server, a disabled one. */
  openSession(request: BridgeOpenRequest, peer: SessionPeer): Promise<BridgeSession>;
}
