import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError } from '@modelcontextprotocol/server';
import { createRedactor } from '../../shared/redact';
import { describeToolError, ToolFailure } from '../kit/errors';
import { DEFAULT_GITHUB_API_URL } from './config';
import { GitHubTimeoutError } from './call-signal';

export const TOKEN_SETTINGS_HINT = 'MCP Tray (Servers > github > Settings)';

export const MISSING_TOKEN_MESSAGE = `GitHub token is not set. Set GITHUB_TOKEN for the github server in ${TOKEN_SETTINGS_HINT} and restart it.`;

export function missingTokenFailure(what?: string): ToolFailure {
  const prefix = what ? `${what} needs a GitHub token. ` : '';
  return new ToolFailure(`${prefix}${MISSING_TOKEN_MESSAGE}`, 'missing_secret');
}

export interface GitHubErrorContext {
  /** What the request was about, as a person names it, e.g. 'Repository octocat/hello-world'. */
  subject: string;
  /** The configured token: whether there is one changes the advice, and it is scrubbed from GitHub's wording. */
  token: string | undefined;
  apiUrl: string;
  now?: () => Date;
}

/** The parts of Octokit's RequestError this module reads; anything else is treated as unexpected. */
interface GitHubHttpError {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data: unknown };
  cause?: unknown;
}

function isGitHubHttpError(error: unknown): error is GitHubHttpError {
  return error instanceof Error && error.name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number';
}

/**
 * Turns what Octokit threw into a ToolFailure a person can act on. GitHub's own wording is kept where it
 * helps (validation messages), but never a stack, a URL with credentials, or the token.
 */
export function toGitHubFailure(error: unknown, context: GitHubErrorContext): unknown {
  const failure = describeFailure(error, context);
  if (!(failure instanceof ToolFailure)) return failure;
  const redact = createRedactor(context.token ? [context.token] : []);
  const message = redact(failure.message);
  return message === failure.message ? failure : new ToolFailure(message, failure.kind);
}

function describeFailure(error: unknown, context: GitHubErrorContext): unknown {
  if (error instanceof ToolFailure) return error;
  if (error instanceof GitHubTimeoutError) {
    return new ToolFailure(
      `GitHub did not answer within ${formatSeconds(error.timeoutMs)}. Try again; if GitHub is slow right now, raise GITHUB_TIMEOUT_MS in ${TOKEN_SETTINGS_HINT}.`,
      'timeout',
    );
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new ToolFailure('GitHub stopped sending the answer before it was complete. Try again in a moment.', 'timeout');
  }
  if (!isGitHubHttpError(error)) return error;
  if (!error.response) return networkFailure(error, context.apiUrl);
  const hasToken = context.token !== undefined;

  const { status } = error;
  const headers = error.response.headers;
  const reason = githubMessage(error.response.data);

  if (status === 401) {
    if (!hasToken) return missingTokenFailure(context.subject);
    return new ToolFailure(
      `GitHub rejected the token (401). Create a new token at ${tokenSettingsUrl(context.apiUrl)} and set it as GITHUB_TOKEN in ${TOKEN_SETTINGS_HINT}, then restart the server.`,
      'unauthorized',
    );
  }
  if (status === 403 || status === 429) {
    const limited = rateLimitMessage(status, headers, reason, context);
    if (limited) return new ToolFailure(limited, 'rate_limited');
  }
  if (status === 403) {
    const fix = hasToken
      ? 'The token may lack a permission this needs (for example "Issues: Read and write" to change issues), or an organization policy blocks it.'
      : `Without a token only public data can be read. ${MISSING_TOKEN_MESSAGE}`;
    return new ToolFailure(`GitHub refused access to ${lowerFirst(context.subject)} (403${reason ? `: ${reason}` : ''}). ${fix}`, 'unauthorized');
  }
  if (status === 404) {
    const text = hasToken
      ? `${context.subject} was not found, or the token cannot see it. Check the spelling; for a private repository the token needs access to it.`
      : `${context.subject} was not found, or it is private. Check the spelling; a private repository needs GITHUB_TOKEN, set in ${TOKEN_SETTINGS_HINT}.`;
    return new ToolFailure(text, 'not_found');
  }
  if (status === 422) {
    const details = validationDetails(error.response.data);
    return new ToolFailure(
      `GitHub did not accept the request (422${reason ? ` ${reason}` : ''})${details ? `: ${details}` : ''}. Correct the values and try again.`,
      'invalid_input',
    );
  }
  if (status >= 500) {
    return new ToolFailure(`GitHub is having problems (HTTP ${status}). Try again in a few minutes.`, 'upstream');
  }
  const kind = status === 409 || status === 410 || status === 400 ? 'invalid_input' : 'upstream';
  return new ToolFailure(`GitHub refused the request about ${lowerFirst(context.subject)} (HTTP ${status}${reason ? `: ${reason}` : ''}).`, kind);
}

/** The primary limit says when it resets; the secondary one says how long to wait. Undefined: not a rate limit. */
function rateLimitMessage(
  status: number,
  headers: Record<string, string | number | undefined>,
  reason: string,
  context: GitHubErrorContext,
): string | undefined {
  const retryAfterSeconds = Number(headers['retry-after']);
  const hasRetryAfter = headers['retry-after'] !== undefined && Number.isFinite(retryAfterSeconds);
  const saysSecondary = /secondary rate limit/i.test(reason);
  const remaining = headers['x-ratelimit-remaining'];
  if (!saysSecondary && String(remaining) === '0') {
    return primaryLimitMessage(headers, context);
  }
  if (saysSecondary || hasRetryAfter || status === 429) {
    const wait = hasRetryAfter ? `Wait ${formatWait(retryAfterSeconds)} before trying again` : 'Wait a minute or two before trying again';
    return `GitHub's secondary rate limit was hit (too many requests in a short time). ${wait}.`;
  }
  return undefined;
}

function primaryLimitMessage(headers: Record<string, string | number | undefined>, context: GitHubErrorContext): string {
  const now = context.now?.() ?? new Date();
  const resetSeconds = Number(headers['x-ratelimit-reset']);
  const which = /search/.test(String(headers['x-ratelimit-resource'] ?? '')) ? 'GitHub search rate limit reached' : 'GitHub rate limit reached';
  const advice = context.token !== undefined
    ? ''
    : ` Without a token GitHub allows 60 requests an hour; set GITHUB_TOKEN in ${TOKEN_SETTINGS_HINT} for 5,000.`;
  if (!Number.isFinite(resetSeconds) || resetSeconds <= 0) return `${which}. Try again later.${advice}`;
  const resetAt = new Date(resetSeconds * 1000);
  const minutes = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 60_000));
  return `${which}; it resets at ${clockTime(resetAt)} (in ${minutes} min).${advice}`;
}

/** Local HH:MM: the person reads it against their own clock. */
export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} s`;
  return `about ${Math.ceil(seconds / 60)} min`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function networkFailure(error: GitHubHttpError, apiUrl: string): ToolFailure {
  const where = apiUrl === DEFAULT_GITHUB_API_URL ? 'GitHub' : `GitHub at ${apiUrl}`;
  const code = causeCode(error.cause);
  return new ToolFailure(
    `Could not reach ${where}${code ? ` (${code})` : ''}. Check the network connection${apiUrl === DEFAULT_GITHUB_API_URL ? '' : ' and GITHUB_API_URL'}, then try again.`,
    'network',
  );
}

/** fetch wraps the socket error (ECONNREFUSED, ENOTFOUND, ...) one or two levels down; its code says the most. */
function causeCode(cause: unknown): string | undefined {
  let innermostMessage: string | undefined;
  for (let current = cause, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (current.message && current.message !== 'fetch failed') innermostMessage = current.message;
    current = current.cause;
  }
  return innermostMessage ? cleanText(innermostMessage).slice(0, 100) : undefined;
}

/** GitHub's `message`, without its documentation link, on one short line. */
export function githubMessage(data: unknown): string {
  if (typeof data === 'string') return cleanText(data);
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return cleanText((data as { message: string }).message);
  }
  return '';
}

const VALIDATION_CODES: Record<string, string> = {
  missing: 'does not exist',
  missing_field: 'is required',
  invalid: 'is not valid',
  already_exists: 'already exists',
  unprocessable: 'could not be processed',
};

/** GitHub's 422 `errors` list as one readable sentence: its own message where it gave one, else field and code. */
export function validationDetails(data: unknown): string {
  const errors = data && typeof data === 'object' ? (data as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return '';
  const parts = errors
    .map((item: unknown) => {
      if (typeof item === 'string') return cleanText(item);
      if (!item || typeof item !== 'object') return '';
      const { message, field, code, value } = item as Record<string, unknown>;
      if (typeof message === 'string' && message.trim()) return cleanText(message);
      const fieldName = typeof field === 'string' ? field : 'a value';
      const shownValue = typeof value === 'string' || typeof value === 'number' ? ` "${cleanText(String(value))}"` : '';
      const problem = typeof code === 'string' ? (VALIDATION_CODES[code] ?? code.replaceAll('_', ' ')) : 'is not valid';
      return `${fieldName}${shownValue} ${problem}`;
    })
    .filter((part) => part.length > 0);
  return [...new Set(parts)].join('; ');
}

function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '')
    .slice(0, 300);
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Where a person creates a token: github.com, GHE.com (api.<name>.ghe.com) or a GitHub Enterprise Server host. */
export function tokenSettingsUrl(apiUrl: string): string {
  try {
    const url = new URL(apiUrl);
    const host = url.hostname.startsWith('api.') ? url.hostname.slice(4) : url.hostname;
    return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}/settings/tokens`;
  } catch {
    return 'https://github.com/settings/tokens';
  }
}

/**
 * Resources and prompts answer with a JSON-RPC error instead of an isError result; the message is the same.
 * A resource that does not exist is -32602 with the URI in `data` (spec 2025-11-25, server/resources, "Error Handling").
 */
export function asProtocolError(error: unknown, resourceUri?: string): ProtocolError {
  const message = describeToolError(error, 'GitHub');
  if (resourceUri !== undefined && error instanceof ToolFailure && error.kind === 'not_found') {
    return new ResourceNotFoundError(resourceUri, message);
  }
  const isCallersMistake = error instanceof ToolFailure && (error.kind === 'invalid_input' || error.kind === 'not_found');
  return new ProtocolError(isCallersMistake ? ProtocolErrorCode.InvalidParams : ProtocolErrorCode.InternalError, message);
}
