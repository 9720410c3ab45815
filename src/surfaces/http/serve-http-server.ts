/**
 * The headless host's HTTP side: the built UI and the contract on 127.0.0.1, for one person holding
 * the one-time token. Every request passes, in order: the Host/Origin check (403), the token (401),
 * then one of
 *   POST /api/call/<method>  the contract method, answered with a ResponseEnvelope (api-call.ts)
 *   GET  /api/events         every contract event as Server-Sent Events (event-stream.ts)
 *   GET  /<anything else>    the built UI (static-files.ts); `/?token=<token>` also sets the session cookie
 * Nothing here logs a request, so neither the token nor a cookie ever reaches a log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractError } from '../../shared/contract';
import type { WindowSeam } from '../../core/server-requests/server-request-desk';
import type { ContractPort } from '../contract-port';
import { AccessToken, carriesToken, sessionCookie } from './access-token';
import { API_CALL_PREFIX, handleApiCall } from './api-call';
import { EventStreamHub, type EventStreamOptions } from './event-stream';
import { LOOPBACK_ADDRESS, checkApiFetchSite, checkHostAndOrigin, isLoopbackHostName, refuseNonLoopbackHost } from './request-guard';
import { sendErrorEnvelope, sendText } from './responses';
import { applySecurityHeaders } from './security-headers';
import { StaticFiles } from './static-files';

const EVENTS_PATH = '/api/events';

interface ServeHttpOptions {
  /** The manager: AppCore. */
  target: ContractPort;
  /** The built UI: a folder with index.html (out/renderer). */
  uiDir: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Only 127.0.0.1 or localhost; anything else is refused. */
  host?: string;
  events?: EventStreamOptions;
  /** Told of each page listening to events, so a server's request can wait for a person there. */
  windows?: WindowSeam;
}

export interface ServeHttpServer {
  readonly port: number;
  /** http://127.0.0.1:<port>, without the token. */
  readonly origin: string;
  /** The link that opens the UI: the origin plus `/?token=…`. Print it once; never log it. */
  readonly url: string;
  close(): Promise<void>;
}

const NEEDS_LINK_MESSAGE =
  'This MCP Tray page needs the link that `mcp-tray serve` printed when it started: it carries a one-time token. ' +
  'Open that link again (after a restart of MCP Tray, the new one).';

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ContractError('conflict', `Port ${port} on ${LOOPBACK_ADDRESS} is in use. Choose another with --port, or --port 0 for any free port.`));
      else if (error.code === 'EACCES') reject(new ContractError('failed', `Not allowed to listen on port ${port}. Choose a port above 1023, or --port 0 for any free port.`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen({ host: LOOPBACK_ADDRESS, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startServeHttp(options: ServeHttpOptions): Promise<ServeHttpServer> {
  const host = options.host ?? LOOPBACK_ADDRESS;
  if (!isLoopbackHostName(host)) throw new ContractError('invalid_input', refuseNonLoopbackHost(host));
  const files = await StaticFiles.open(options.uiDir).catch(() => {
    throw new ContractError('unavailable', `The UI is not built: ${options.uiDir} has no index.html. Run "npm run build" first.`);
  });
  const token = AccessToken.generate();
  const hub = new EventStreamHub(options.target, options.events, options.windows);
  let port = 0;

  const handleApi = async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const site = checkApiFetchSite(request);
    if (!site.allowed) return sendErrorEnvelope(response, 403, 'invalid_input', site.reason);
    if (!carriesToken(request, token, port)) {
      // The contract has no code for a missing session link; 401 says it, and the UI maps by status.
      return sendErrorEnvelope(response, 401, 'unavailable', NEEDS_LINK_MESSAGE, { 'WWW-Authenticate': 'Bearer realm="MCP Tray"' });
    }
    if (pathname === EVENTS_PATH) {
      if (request.method !== 'GET') return sendErrorEnvelope(response, 405, 'invalid_input', 'Subscribe to events with GET.', { Allow: 'GET' });
      return hub.attach(request, response);
    }
    if (pathname.startsWith(API_CALL_PREFIX)) return handleApiCall(request, response, options.target, pathname.slice(API_CALL_PREFIX.length));
    return sendErrorEnvelope(response, 404, 'not_found', `There is no ${pathname}. Methods are at ${API_CALL_PREFIX}<method>, events at ${EVENTS_PATH}.`);
  };

  const handlePage = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Only GET and HEAD are served here.', { Allow: 'GET, HEAD' });
    const linkToken = url.searchParams.get('token');
    if (linkToken !== null && token.matches(linkToken)) {
      // The printed link: from now on the browser proves itself with the cookie (the page strips the token from its address bar).
      response.setHeader('Set-Cookie', sessionCookie(port, token));
    } else if (!carriesToken(request, token, port)) {
      return sendText(response, 401, NEEDS_LINK_MESSAGE, { 'WWW-Authenticate': 'Bearer realm="MCP Tray"' });
    }
    return files.serve(request, response, url.pathname);
  };

  const server = createServer((request, response) => {
    applySecurityHeaders(response);
    const guard = checkHostAndOrigin(request, port);
    if (!guard.allowed) return sendText(response, 403, guard.reason);
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_ADDRESS}:${port}`);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    (isApi ? handleApi(request, response, url.pathname) : handlePage(request, response, url)).catch(() => {
      // Not logged: the request (URL, headers) may hold the token. The person sees a plain failure.
      if (!response.headersSent) sendText(response, 500, 'MCP Tray could not answer this request.');
      else response.destroy();
    });
  });
  // Bodies are small and local; a client that trickles its headers or body is dropped.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 0);
  } catch (error) {
    hub.close();
    throw error;
  }
  if (address.address !== LOOPBACK_ADDRESS) {
    hub.close();
    server.close();
    throw new ContractError('failed', `Refusing to serve on ${address.address}: only ${LOOPBACK_ADDRESS} is allowed.`);
  }
  port = address.port;
  const origin = `http://${LOOPBACK_ADDRESS}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    port,
    origin,
    url: `${origin}/?token=${token.value}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
