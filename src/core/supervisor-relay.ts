import type { Implementation, LoggingMessageNotification, Result, ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { ListKind, ServerToClientMethod } from './server-connection';
import type { UnroutedRequest } from './server-requests/unrouted-request';

/** Where a server's requests and notifications for its client go: the bridge hub, relaying them to sessions. */
export interface SupervisorRelay {
  /** Sends the request to the session that can answer it, or says why none can. */
  serverRequest(method: ServerToClientMethod, params: Record<string, unknown>, signal: AbortSignal): Promise<Result> | UnroutedRequest;
  resourceUpdated(uri: string): void;
  loggingMessage(params: LoggingMessageNotification['params']): void;
  /** A cached list was refreshed after the server said it changed. */
  listChanged(kind: ListKind): void;
  /** A new process finished its handshake: after a start, a restart or a crash. */
  running(generation: number): void;
}

/** What the running server said of itself in the manager's handshake. */
export interface ServerHandshake {
  capabilities: ServerCapabilities;
  serverInfo: Implementation | undefined;
  instructions: string | undefined;
  protocolVersion: string | undefined;
}
