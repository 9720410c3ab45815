import type { CallToolResult } from '@modelcontextprotocol/server';

/**
 * A failure whose message is written for the person using the tool: what happened and what to do.
 * Anything else thrown by a tool is reported generically, so stacks and internals never reach a client.
 */
export class ToolFailure extends Error {
  override readonly name = 'ToolFailure';
  constructor(
    message: string,
    readonly kind: ToolFailureKind = 'invalid_input',
  ) {
    super(message);
  }
}

export type ToolFailureKind =
  | 'invalid_input'
  | 'not_found'
  | 'unauthorized'
  | 'rate_limited'
  | 'upstream'
  | 'timeout'
  | 'network'
  | 'missing_secret';

/** An upstream HTTP answer that was not a success, with what the retry policy needs to know. */
export class UpstreamHttpError extends Error {
  override readonly name = 'UpstreamHttpError';
  constructor(
    readonly upstream: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    readonly body: string,
  ) {
    super(`${upstream} answered HTTP ${status}`);
  }
}

export function toolErrorResult(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/** The message a person sees for any error a tool throws. */
export function describeToolError(error: unknown, upstream = 'The service'): string {
  if (error instanceof ToolFailure) return error.message;
  if (error instanceof UpstreamHttpError) {
    if (error.status === 429) return `${upstream} is rate limiting requests. Try again in a minute.`;
    if (error.status >= 500) return `${upstream} is having problems (HTTP ${error.status}). Try again in a few minutes.`;
    return `${upstream} refused the request (HTTP ${error.status}).`;
  }
  return `Something went wrong while talking to ${upstream}. Try again; if it keeps failing, check MCP Tray's logs for this server.`;
}
