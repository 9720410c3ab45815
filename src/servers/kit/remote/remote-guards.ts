import type { AuthInfo } from '@modelcontextprotocol/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerLogger } from '../logger';
import type { HttpGuards } from '../http/http-guards';
import { sendJson } from '../http/json-response';
import type { RemoteAuth } from './auth-config';
import { ANONYMOUS_CALLER } from './caller';
import type { CachedReadiness } from './readiness';
import { CORRELATION_HEADER, correlationIdFrom, enterRequestContext, type RequestContext } from './request-context';
import type { ServerMetrics } from './server-metrics';
import { sendWebResponse } from './web-response';

export interface RemoteGuardsParts {
  auth: RemoteAuth;
  metrics: ServerMetrics;
  readiness: CachedReadiness;
  /** METRICS_PUBLIC=1: /metrics answers without a key (e.g. for a scraper inside a private network). */
  metricsPublic: boolean;
  logger: ServerLogger;
  /** Releases what the parts hold: Redis, signal handlers. */
  release: () => Promise<void>;
}

/**
 * The production guards around /mcp: who the caller is, and the routes beside it (/ready, /metrics,
 * the RFC 9728 metadata). Each request gets its correlation id here, before anything is logged,
 * and sends it back in X-Request-Id.
 */
export class RemoteGuards implements HttpGuards {
  readonly authConfigured: boolean;
  private readonly contexts = new WeakMap<IncomingMessage, RequestContext>();

  constructor(private readonly parts: RemoteGuardsParts) {
    this.authConfigured = parts.auth.authenticator.configured;
  }

  async handleAuxiliaryRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    this.enter(req, res);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/ready') return this.answerReady(req, res);
    if (path === '/metrics') return this.answerMetrics(req, res);
    if (this.parts.auth.protectedResource?.serves(path)) return this.answerResourceMetadata(req, res);
    return false;
  }

  async authenticate(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const context = this.enter(req, res);
    const outcome = await this.parts.auth.authenticator.authenticate(req.headers.authorization);
    if (!outcome.ok) {
      // The path alone: a query string may carry a token.
      this.parts.logger.info({ status: outcome.response.status, path: (req.url ?? '/').split('?')[0] }, 'request refused: not authenticated');
      await sendWebResponse(res, outcome.response);
      return false;
    }
    context.caller = outcome.caller;
    // The SDK's node adapter hands req.auth to tool handlers as ctx.http.authInfo.
    if (outcome.authInfo) (req as IncomingMessage & { auth?: AuthInfo }).auth = outcome.authInfo;
    return true;
  }

  close(): Promise<void> {
    return this.parts.release();
  }

  private enter(req: IncomingMessage, res: ServerResponse): RequestContext {
    let context = this.contexts.get(req);
    if (!context) {
      context = { correlationId: correlationIdFrom(req.headers), caller: ANONYMOUS_CALLER };
      this.contexts.set(req, context);
      if (!res.headersSent) res.setHeader(CORRELATION_HEADER, context.correlationId);
    }
    enterRequestContext(context);
    return context;
  }

  private async answerReady(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!isRead(req, res)) return true;
    const { ready, detail } = await this.parts.readiness.check();
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: detail });
    return true;
  }

  private async answerMetrics(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!isRead(req, res)) return true;
    if (!this.parts.metricsPublic && !(await this.authenticate(req, res))) return true;
    const { contentType, body } = await this.parts.metrics.exposition();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }

  private async answerResourceMetadata(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!isRead(req, res)) return true;
    try {
      const document = await this.parts.auth.protectedResource!.document();
      // Browser-based clients read it cross-origin; it holds nothing secret.
      sendJson(res, 200, document, { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' });
    } catch (error) {
      this.parts.logger.warn({ error: (error as Error).message }, 'protected resource metadata unavailable');
      sendJson(res, 503, { error: 'temporarily_unavailable', error_description: 'The authorization server cannot be reached. Try again shortly.' });
    }
    return true;
  }
}

function isRead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  sendJson(res, 405, { error: 'Use GET.' }, { allow: 'GET, HEAD' });
  return false;
}
