import type { ServerLogger } from './logger';
import { ToolFailure, UpstreamHttpError } from './errors';
import { parseRetryAfter, withRetry, type RetryPolicy } from './retry';
import type { TokenBucket } from './token-bucket';
import { unansweredStatus, upstreamObserver } from './upstream-telemetry';

export interface HttpJsonClientOptions {
  /** Name of the upstream, as a person would call it in an error message. */
  upstream: string;
  /** A fixed short name for metrics, e.g. "open-meteo-forecast". */
  metricName: string;
  timeoutMs: number;
  retry: RetryPolicy;
  limiter: TokenBucket;
  logger: ServerLogger;
  userAgent: string;
}

/** GETs JSON from one upstream with rate limiting, a per-attempt timeout and retries with backoff. */
export class HttpJsonClient {
  constructor(private readonly options: HttpJsonClientOptions) {}

  /** `signal` is the caller's: when it aborts, the request in flight is aborted and no retry follows. */
  async getJson(url: URL, signal?: AbortSignal): Promise<unknown> {
    const { upstream, retry, logger } = this.options;
    try {
      return await withRetry(
        () => this.attempt(url, signal),
        retry,
        (error, attempt, delayMs) => logger.warn({ upstream, attempt, delay_ms: delayMs, reason: describeCause(error) }, 'retrying upstream request'),
        signal,
      );
    } catch (error) {
      if (signal?.aborted) {
        logger.debug({ upstream }, 'upstream request abandoned: the caller cancelled');
        throw signal.reason;
      }
      throw this.toToolFailure(error);
    }
  }

  private async attempt(url: URL, signal: AbortSignal | undefined): Promise<unknown> {
    const { upstream, metricName, timeoutMs, limiter, userAgent } = this.options;
    await limiter.take();
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': userAgent },
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      });
    } catch (error) {
      upstreamObserver().upstreamResponded(metricName, unansweredStatus(timeout, signal));
      throw error;
    }
    upstreamObserver().upstreamResponded(metricName, response.status);
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new UpstreamHttpError(upstream, response.status, parseRetryAfter(response.headers.get('retry-after')), body);
    }
    try {
      return await response.json();
    } catch {
      throw new ToolFailure(`${upstream} sent an answer that is not valid JSON. Try again later.`, 'upstream');
    }
  }

  private toToolFailure(error: unknown): unknown {
    const { upstream, timeoutMs } = this.options;
    if (error instanceof ToolFailure) return error;
    if (error instanceof Error && error.name === 'TimeoutError') {
      return new ToolFailure(`${upstream} did not answer within ${timeoutMs / 1000} s. Try again in a moment.`, 'timeout');
    }
    if (error instanceof UpstreamHttpError) {
      if (error.status === 429) {
        const wait = error.retryAfterMs !== undefined ? ` in ${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s` : ' in a minute';
        return new ToolFailure(`${upstream} is rate limiting requests. Try again${wait}.`, 'rate_limited');
      }
      if (error.status >= 500) {
        return new ToolFailure(`${upstream} is having problems (HTTP ${error.status}). Try again in a few minutes.`, 'upstream');
      }
      return new ToolFailure(`${upstream} refused the request (HTTP ${error.status}): ${upstreamReason(error.body)}`, 'upstream');
    }
    if (error instanceof TypeError) {
      return new ToolFailure(`Could not reach ${upstream} (${describeCause(error)}). Check the network connection and try again.`, 'network');
    }
    return error;
  }
}

function describeCause(error: unknown): string {
  if (error instanceof UpstreamHttpError) return `HTTP ${error.status}`;
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    if (cause && typeof cause.code === 'string') return cause.code;
    return error.name === 'TimeoutError' ? 'timeout' : error.message;
  }
  return String(error);
}

/** Open-Meteo and most JSON APIs put the reason in `reason` or `message`; keep it short. */
function upstreamReason(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const reason = record.reason ?? record.message;
      if (typeof reason === 'string') return reason.slice(0, 300);
    }
  } catch {
    // not JSON: fall through to the generic text
  }
  return 'check the values you passed.';
}
