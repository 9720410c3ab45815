import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a deployment adds around the MCP endpoint of `serveHttp`: authentication, auxiliary routes
 * (/health, /ready, /metrics, /.well-known/...) and the resources they hold. Every member is optional
 * in effect: `noHttpGuards` is what runs when nothing is configured.
 */
export interface HttpGuards {
  /** True when callers must authenticate; only then may the server bind a non-loopback address. */
  readonly authConfigured: boolean;
  /**
   * Serves a route outside /mcp when it is one of the guard's own. Returns true when it answered the
   * request (the HTTP server then does nothing more with it), false to let the HTTP server go on.
   */
  handleAuxiliaryRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /**
   * Runs before every /mcp request. Returns true to let the request through; false when it has
   * already answered it (401/403/429 with the right headers). It may attach the caller's identity
   * to the request for later use.
   */
  authenticate(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Releases what the guards hold (Redis connections, timers), after the HTTP server has drained. */
  close(): Promise<void>;
}

/** No authentication, no routes of its own: a loopback-only server. */
export const noHttpGuards: HttpGuards = {
  authConfigured: false,
  handleAuxiliaryRoute: async () => false,
  authenticate: async () => true,
  close: async () => {},
};
