import { describe, expect, it } from 'vitest';
import { ToolFailure } from './errors';
import { TokenBucket } from './token-bucket';

function bucketAt(clock: { now: number }, options: { ratePerSecond: number; burst: number; maxWaitMs: number }) {
  return new TokenBucket({ ...options, upstream: 'Open-Meteo', now: () => clock.now });
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then refuses with a retry hint', async () => {
    const clock = { now: 0 };
    const bucket = bucketAt(clock, { ratePerSecond: 1, burst: 3, maxWaitMs: 0 });
    await bucket.take();
    await bucket.take();
    await bucket.take();
    const refusal = await bucket.take().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ToolFailure);
    expect((refusal as ToolFailure).kind).toBe('rate_limited');
    expect((refusal as ToolFailure).message).toMatch(/Too many requests to Open-Meteo.*Try again in 1 s/);
  });

  it('refills at the configured rate', async () => {
    const clock = { now: 0 };
    const bucket = bucketAt(clock, { ratePerSecond: 2, burst: 1, maxWaitMs: 0 });
    await bucket.take();
    await expect(bucket.take()).rejects.toBeInstanceOf(ToolFailure);
    clock.now = 500;
    await expect(bucket.take()).resolves.toBeUndefined();
  });

  it('queues a caller when the wait is within maxWaitMs', async () => {
    const clock = { now: 0 };
    const bucket = bucketAt(clock, { ratePerSecond: 100, burst: 1, maxWaitMs: 50 });
    await bucket.take();
    // Needs 10 ms for the next token: allowed to wait.
    await expect(bucket.take()).resolves.toBeUndefined();
  });

  it('rejects a nonsensical configuration with a message naming the upstream', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1, maxWaitMs: 0, upstream: 'GitHub' })).toThrow(/GitHub/);
  });
});
