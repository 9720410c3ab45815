import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { ServerLogger } from '../kit/logger';
import { unansweredStatus, upstreamObserver } from '../kit/upstream-telemetry';
import { currentCallSignal, GitHubTimeoutError } from './call-signal';
import type { GitHubConfig } from './config';
import { GITHUB_USER_AGENT } from './version';

const GitHubOctokit = Octokit.plugin(throttling, retry);

/** The Octokit the tools use: REST methods, GitHub's throttling rules and retries of server errors. */
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

/** A rate-limit wait longer than this is not waited out: the person is told when to come back instead. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 10;

const GITHUB_METRIC_NAME = 'github';

/** Retries of 5xx and network failures after the first attempt (waits of 1 and 4 retry units). */
const SERVER_ERROR_RETRIES = 2;

/**
 * Every 4xx: asking again fails the same way. The plugin's default list misses some (409, 418, ...), and
 * rate limits (403/429) belong to the throttling plugin, which knows when they end.
 */
const CLIENT_ERROR_STATUSES = Array.from({ length: 100 }, (_, index) => 400 + index);

export function createGitHubClient(config: GitHubConfig, logger: ServerLogger): GitHubClient {
  return new GitHubOctokit({
    auth: config.token,
    baseUrl: config.apiUrl,
    userAgent: GITHUB_USER_AGENT,
    log: octokitLog(logger),
    request: { fetch: fetchWithTimeout(config.timeoutMs) },
    retry: {
      retries: SERVER_ERROR_RETRIES,
      retryAfterBaseValue: config.retryBaseMs,
      doNotRetry: CLIENT_ERROR_STATUSES,
    },
    throttle: {
      retryAfterBaseValue: config.retryBaseMs,
      onRateLimit: (retryAfter, options, _octokit, retryCount) =>
        retryOnceIfSoon('rate limit', retryAfter, retryCount, options, logger),
      onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) =>
        retryOnceIfSoon('secondary rate limit', retryAfter, retryCount, options, logger),
    },
  });
}

function retryOnceIfSoon(
  limit: string,
  retryAfterSeconds: number,
  retryCount: number,
  options: { method: string; url: string },
  logger: ServerLogger,
): boolean {
  const retry = retryCount < 1 && retryAfterSeconds <= MAX_RATE_LIMIT_WAIT_SECONDS;
  logger.warn(
    { limit, retry_after_s: retryAfterSeconds, retry_count: retryCount, method: options.method, route: options.url, retrying: retry },
    retry ? `GitHub ${limit} hit; retrying once after ${retryAfterSeconds} s` : `GitHub ${limit} hit; not retrying`,
  );
  return retry;
}

/**
 * Gives every request its own deadline; the caller's signal and the MCP call's signal (if any) cancel it too.
 * Every attempt's status is reported here, below Octokit's retries, as the weather client reports its own.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signals = [init?.signal, currentCallSignal(), deadline].filter((signal): signal is AbortSignal => signal != null);
    const signal = AbortSignal.any(signals);
    try {
      const response = await fetch(input, { ...init, signal });
      upstreamObserver().upstreamResponded(GITHUB_METRIC_NAME, response.status);
      return response;
    } catch (error) {
      upstreamObserver().upstreamResponded(GITHUB_METRIC_NAME, unansweredStatus(deadline, signal));
      if (deadline.aborted) throw new GitHubTimeoutError(timeoutMs);
      throw error;
    }
  };
}

/**
 * Octokit's own log lines, routed to the server log. Its per-request lines (including failures, which the
 * tool-call line already reports with a readable message) are debug detail; its debug payload (the full
 * request options) is dropped.
 */
function octokitLog(logger: ServerLogger) {
  const child = logger.child({ component: 'octokit' });
  return {
    debug: () => undefined,
    info: (message: string) => child.debug(message),
    warn: (message: string) => child.warn(message),
    error: (message: string) => child.debug(message),
  };
}
