import { abortableDelay } from './abortable';
import { UpstreamHttpError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; doubles each retry, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the caller is told when to come back instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

/** Network failures, timeouts, 5xx and 429 are worth another try; any other 4xx will fail the same way again. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof UpstreamHttpError) return error.status === 429 || error.status >= 500;
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'TypeError');
}

/** Milliseconds to wait before retry number `attempt` (0-based), or undefined when it should not be retried. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, random = Math.random): number | undefined {
  if (attempt >= policy.retries || !isRetryable(error)) return undefined;
  if (error instanceof UpstreamHttpError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Reads Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Retries `attemptOnce` by the policy; once `signal` aborts, nothing more is tried and the wait ends at once. */
export async function withRetry<T>(
  attemptOnce: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await attemptOnce();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const delayMs = retryDelayMs(error, attempt, policy);
      if (delayMs === undefined) throw error;
      onRetry?.(error, attempt + 1, delayMs);
      await abortableDelay(delayMs, signal);
    }
  }
}
