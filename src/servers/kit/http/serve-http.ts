import { createMcpHandler, type McpServerFactory } from '@modelcontextprotocol/server';
import { hostHeaderValidation, originValidation, toNodeHandler } from '@modelcontextprotocol/node';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerLogger } from '../logger';
import { noHttpGuards, type HttpGuards } from './http-guards';
import { sendJson } from './json-response';
import { isLoopbackHost, LOOPBACK_HOSTNAMES } from './loopback';
import { methodsOf, readJsonBody } from './request-body';

export const MCP_PATH = '/mcp';
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface HttpServeOptions {
  host: string;
  /** 0 picks a free port; the bound address is in the result. */
  port: number;
  logger: ServerLogger;
  /** Host header names accepted at /mcp; undefined means the loopback names when bound to loopback, and no check otherwise. */
  allowedHosts?: string[];
  /** Origin host names accepted at /mcp (requests without Origin pass); defaults to the loopback names. */
  allowedOrigins?: string[];
  maxBodyBytes: number;
  /** Longest a client may take to send its request headers, and its whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** On shutdown, how long calls in flight may take to finish before they are aborted. */
  drainTimeoutMs: number;
  guards?: HttpGuards;
}

export interface RunningHttpServer {
  /** http://host:port/mcp as bound. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, closes listen streams, lets calls in flight finish up to the drain deadline, then closes everything. */
  shutdown(reason: string): Promise<void>;
}

interface InFlight {
  res: ServerResponse;
  /** A `subscriptions/listen` stream: open until the client leaves, so it is closed rather than waited for. */
  listen: boolean;
}

/**
 * Streamable HTTP at /mcp, stateless (MCP basic/transports, "Streamable HTTP"): the SDK's handler serves
 * 2026-07-28 requests and answers 2025 handshakes through its stateless legacy leg, building one server
 * from `factory` per request. Around it: Host and Origin allow-lists against DNS rebinding, a body limit,
 * slow-client timeouts, the guards' auth and auxiliary routes, and a graceful drain.
 */
export async function serveHttp(factory: McpServerFactory, options: HttpServeOptions): Promise<RunningHttpServer> {
  const { logger, guards = noHttpGuards } = options;
  if (!isLoopbackHost(options.host) && !guards.authConfigured) {
    throw new Error(
      `Refusing to listen on ${options.host}: without authentication anyone who can reach that address could use this server. ` +
        'Set MCP_AUTH_TOKENS (or MCP_AUTH_ISSUER) to require a key, or leave HOST unset to listen on 127.0.0.1 only.',
    );
  }

  const handler = createMcpHandler(factory, {
    maxRequestBodySize: options.maxBodyBytes,
    onerror: (error) => logger.debug({ err: error }, 'mcp request rejected'),
  });
  const nodeHandler = toNodeHandler(handler, {
    maxRequestBodySize: options.maxBodyBytes,
    onerror: (error) => logger.error({ err: error }, 'mcp handler failed'),
  });
  const allowedHosts = options.allowedHosts ?? (isLoopbackHost(options.host) ? LOOPBACK_HOSTNAMES : undefined);
  const checkHost = allowedHosts ? hostHeaderValidation(allowedHosts) : () => true;
  const checkOrigin = originValidation(options.allowedOrigins ?? LOOPBACK_HOSTNAMES);

  const inFlight = new Set<InFlight>();
  let draining = false;
  let drained: (() => void) | undefined;

  const serveMcp = async (req: IncomingMessage, res: ServerResponse) => {
    let parsedBody: unknown;
    let listen = false;
    if (req.method === 'POST') {
      const body = await readJsonBody(req, options.maxBodyBytes);
      if (body.kind === 'aborted') return;
      if (body.kind === 'too_large') {
        return answerJsonRpcError(res, 413, -32600, `Request body is larger than ${options.maxBodyBytes} bytes.`, { connection: 'close' });
      }
      // JSON-RPC 2.0 section 5.1: a body that is not JSON is answered -32700 with id null.
      if (body.kind === 'not_json') return answerJsonRpcError(res, 400, -32700, 'Parse error: the request body is not valid JSON.');
      parsedBody = body.value;
      listen = methodsOf(parsedBody).includes('subscriptions/listen');
    }
    const entry: InFlight = { res, listen };
    inFlight.add(entry);
    res.on('close', () => {
      inFlight.delete(entry);
      if (draining && ![...inFlight].some((call) => !call.listen)) drained?.();
    });
    await nodeHandler(req, res, parsedBody);
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (await guards.handleAuxiliaryRoute(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/health' && req.method === 'GET') return sendJson(res, 200, { status: draining ? 'draining' : 'ok' });
      if (path !== MCP_PATH) return sendJson(res, 404, { error: `Not found. The MCP endpoint is ${MCP_PATH}.` });
      if (!checkHost(req, res) || !checkOrigin(req, res)) return;
      if (draining) {
        return answerJsonRpcError(res, 503, -32000, 'The server is shutting down. Try again on another instance.', { connection: 'close' });
      }
      if (!(await guards.authenticate(req, res))) return;
      await serveMcp(req, res);
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) answerJsonRpcError(res, 500, -32603, 'Internal error.');
      else res.destroy();
    });
  };

  const server: Server = createServer(
    {
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      // Node checks both timeouts only this often (30 s by default), which would let a slow client linger.
      connectionsCheckingInterval: Math.max(100, Math.min(options.headersTimeoutMs, options.requestTimeoutMs) / 4),
    },
    handleRequest,
  );
  // Idle connections outlive a load balancer's (60 s is common), so the server never closes one a
  // client is just reusing: that race resets requests under load.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostInUrl}:${port}${MCP_PATH}`;
  logger.info({ transport: 'http', url, auth: guards.authConfigured }, 'listening');

  let shutdownPromise: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    shutdownPromise ??= (async () => {
      draining = true;
      logger.info({ reason, in_flight: inFlight.size }, 'draining');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const call of inFlight) if (call.listen) call.res.destroy();
      if ([...inFlight].some((call) => !call.listen)) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, options.drainTimeoutMs).unref();
        });
      }
      const abandoned = inFlight.size;
      if (abandoned > 0) logger.warn({ abandoned }, 'drain deadline passed: aborting calls still in flight');
      // Closing the handler aborts whatever still runs; only now, after the calls had their time.
      await handler.close();
      server.closeAllConnections();
      await closed;
      await guards.close();
      logger.info('stopped');
    })();
    return shutdownPromise;
  };
  return { url, port, shutdown };
}

function answerJsonRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { jsonrpc: '2.0', id: null, error: { code, message } }, headers);
}
