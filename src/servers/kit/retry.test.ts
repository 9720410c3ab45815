import { describe, expect, it } from 'vitest';
import { ToolFailure, UpstreamHttpError } from './errors';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs, withRetry } from './retry';

const http = (status: number, retryAfterMs?: number) => new UpstreamHttpError('Open-Meteo', status, retryAfterMs, '');

describe('retry policy', () => {
  it('retries network errors, timeouts, 5xx and 429, never other 4xx', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect(retryDelayMs(new TypeError('fetch failed'), 0, policy)).toBeGreaterThan(0);
    expect(retryDelayMs(Object.assign(new Error('t'), { name: 'TimeoutError' }), 0, policy)).toBeGreaterThan(0);
    expect(retryDelayMs(http(503), 0, policy)).toBeGreaterThan(0);
    expect(retryDelayMs(http(429), 0, policy)).toBeGreaterThan(0);
    for (const status of [400, 401, 403, 404, 422]) expect(retryDelayMs(http(status), 0, policy)).toBeUndefined();
    expect(retryDelayMs(new ToolFailure('bad input'), 0, policy)).toBeUndefined();
  });

  it('backs off exponentially with jitter inside [ceiling/2, ceiling]', () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };
    expect(retryDelayMs(http(500), 0, policy, () => 0)).toBe(50);
    expect(retryDelayMs(http(500), 0, policy, () => 1)).toBe(100);
    expect(retryDelayMs(http(500), 2, policy, () => 1)).toBe(400);
    expect(retryDelayMs(http(500), 4, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(http(500), 5, policy)).toBeUndefined();
  });

  it('honours Retry-After, and gives up when it is longer than the policy allows', () => {
    expect(retryDelayMs(http(429, 1_500), 0, DEFAULT_RETRY_POLICY)).toBe(1_500);
    expect(retryDelayMs(http(429, 60_000), 0, DEFAULT_RETRY_POLICY)).toBeUndefined();
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('withRetry returns the first success and reports each retry', async () => {
    let attempts = 0;
    const retries: number[] = [];
    const result = await withRetry(
      async () => {
        attempts += 1;
        if (attempts < 3) throw http(502);
        return 'ok';
      },
      { retries: 3, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 },
      (_error, attempt) => retries.push(attempt),
    );
    expect(result).toBe('ok');
    expect(retries).toEqual([1, 2]);
  });
});
