import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller } from './caller';

export interface RequestContext {
  correlationId: string;
  caller: Caller;
}

/** The response header that carries the correlation id back to the caller. */
export const CORRELATION_HEADER = 'x-request-id';

const storage = new AsyncLocalStorage<RequestContext>();

// W3C Trace Context: version-traceid-parentid-flags; the trace id is what ties a request across services.
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
// Only a plain token from a caller's X-Request-Id goes into logs: no spaces, quotes or control characters.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ZERO_TRACE_ID = '0'.repeat(32);

/** The id that ties every log line of one request together: the caller's trace or request id, or a new one. */
export function correlationIdFrom(headers: IncomingHttpHeaders): string {
  const traceparent = single(headers.traceparent)?.trim().toLowerCase();
  const traceId = traceparent ? TRACEPARENT.exec(traceparent)?.[1] : undefined;
  if (traceId && traceId !== ZERO_TRACE_ID) return traceId;
  const requestId = single(headers[CORRELATION_HEADER])?.trim();
  if (requestId && REQUEST_ID.test(requestId)) return requestId;
  return randomUUID();
}

/**
 * Makes `context` current for the rest of this request's handling, including everything it awaits
 * later. For a request handler that calls hooks rather than passing a callback to run inside.
 */
export function enterRequestContext(context: RequestContext): void {
  storage.enterWith(context);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Fields every log line written while a request runs carries: its correlation id and caller. */
export function requestLogFields(): Record<string, string> {
  const context = storage.getStore();
  return context ? { correlation_id: context.correlationId, caller: context.caller.logName } : {};
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
