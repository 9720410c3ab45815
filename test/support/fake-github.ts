import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { seedGitHubData, OCTOCAT_TOKEN, type FakeGitHubData } from '../servers/fixtures/github-data';
import { createGitHubRoutes, DOCS, notFound, type Reply } from '../servers/fixtures/github-routes';
import { startFakeHttp, type RecordedRequest } from './fake-http';

/**
 * A fake GitHub REST API on 127.0.0.1 that answers like the real one: the same JSON shapes, Link headers for
 * pages, x-ratelimit-* headers, 401 for a wrong token, 404 for what the caller may not see, 422 for bad input.
 * Tests can script the next answers of a route (rate limits, 5xx, slowness) without touching the data.
 */
export interface FakeGitHub {
  /** Base URL to put in GITHUB_API_URL (includes the prefix, e.g. /api/v3, when one was asked for). */
  apiUrl: string;
  requests: RecordedRequest[];
  data: FakeGitHubData;
  /** The next requests matching `route` get these answers, one each, in order; then the fake answers normally again. */
  script(route: RouteMatch, ...responses: ScriptedResponse[]): void;
  /** Recorded requests whose path (still percent-encoded) matches. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[];
  /** Fresh data, no scripts, no recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface RouteMatch {
  method?: string;
  path: string | RegExp;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow GitHub). */
  delayMs?: number;
}

export interface FakeGitHubOptions {
  /** token -> login; by default OCTOCAT_TOKEN signs in as octocat. */
  tokens?: Record<string, string>;
  /** Path prefix like GitHub Enterprise Server's "/api/v3". */
  prefix?: string;
}

/** One reset time for the whole run, an hour ahead, as GitHub's hourly window would be. */
const RATE_RESET = Math.floor(Date.now() / 1000) + 3600;

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const tokens = options.tokens ?? { [OCTOCAT_TOKEN]: 'octocat' };
  const prefix = options.prefix ?? '';
  let data = seedGitHubData();
  let scripts: Array<{ route: RouteMatch; responses: ScriptedResponse[] }> = [];
  const used = new Map<string, number>();
  let origin = '';

  const http = await startFakeHttp(async (request, response) => {
    const path = request.url.pathname.startsWith(prefix) ? request.url.pathname.slice(prefix.length) : request.url.pathname;
    const resource = path.startsWith('/search/') ? 'search' : 'core';

    const scripted = scripts.find((entry) => entry.responses.length > 0 && matches(entry.route, request.method, path));
    const next = scripted?.responses.shift();
    if (next) {
      if (next.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs));
      if (response.destroyed) return;
      send(response, { status: next.status, body: next.body ?? '', headers: next.headers }, rateHeaders('scripted', resource, false));
      return;
    }

    const authorization = request.headers.authorization;
    const credentials = authorization ? /^(?:token|bearer)\s+(\S+)$/i.exec(authorization) : null;
    const viewer = credentials ? (tokens[credentials[1]!] ?? undefined) : null;
    if (viewer === undefined) {
      send(response, { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } }, rateHeaders('bad', resource, false));
      return;
    }
    const key = `${viewer ?? 'anonymous'}:${resource}`;
    used.set(key, (used.get(key) ?? 0) + 1);
    send(response, dispatch(request, path, viewer), rateHeaders(key, resource, viewer !== null));
  });
  origin = http.url;

  function rateHeaders(key: string, resource: string, signedIn: boolean): Record<string, string> {
    const limit = resource === 'search' ? (signedIn ? 30 : 10) : signedIn ? 5000 : 60;
    const count = used.get(key) ?? 0;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - count)),
      'x-ratelimit-reset': String(RATE_RESET),
      'x-ratelimit-used': String(count),
      'x-ratelimit-resource': resource,
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomUUID().slice(0, 18).toUpperCase(),
      ...(signedIn ? { 'x-oauth-scopes': 'repo, read:org', 'x-accepted-oauth-scopes': '' } : {}),
    };
  }

  function dispatch(request: RecordedRequest, path: string, viewer: string | null): Reply {
    for (const [method, pattern, handle] of routes) {
      const match = method === request.method ? pattern.exec(path) : null;
      if (!match) continue;
      const params = match.slice(1).map((part) => decodeURIComponent(part ?? ''));
      return handle({ request, params, query: request.url.searchParams, viewer });
    }
    return notFound();
  }

  const routes = createGitHubRoutes({ data: () => data, origin: () => origin, prefix });

  return {
    apiUrl: `${http.url}${prefix}`,
    requests: http.requests,
    get data() {
      return data;
    },
    script(route, ...responses) {
      scripts.push({ route, responses });
    },
    requestsTo(path, method) {
      return http.requests.filter(
        (request) => (!method || request.method === method) && (typeof path === 'string' ? request.url.pathname.includes(path) : path.test(request.url.pathname)),
      );
    },
    reset() {
      data = seedGitHubData();
      scripts = [];
      used.clear();
      http.requests.length = 0;
    },
    close: () => http.close(),
  };
}

function matches(route: RouteMatch, method: string, path: string): boolean {
  if (route.method && route.method !== method) return false;
  return typeof route.path === 'string' ? path.includes(route.path) : route.path.test(path);
}

function send(response: ServerResponse, reply: Reply, baseHeaders: Record<string, string>): void {
  const headers = { ...baseHeaders, ...reply.headers };
  if (reply.raw) {
    response.writeHead(reply.status, { ...headers, 'content-type': reply.raw.contentType, 'content-length': String(reply.raw.bytes.length) });
    response.end(reply.raw.bytes);
    return;
  }
  if (typeof reply.body === 'string') {
    response.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(reply.body);
    return;
  }
  response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(reply.body));
}
