import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from './memory-rate-limiter';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('MemoryRateLimiter', () => {
  it('admits a burst, then refuses with the seconds until the next token', async () => {
    const time = clock();
    const limiter = new MemoryRateLimiter({ perMinute: 6, burst: 3 }, time.now);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limiter.take('alice'));
    expect(verdicts.slice(0, 3).every((verdict) => verdict.allowed)).toBe(true);
    expect(verdicts[3]).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.advance(4_000);
    expect(await limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    time.advance(6_000);
    expect(await limiter.take('alice')).toEqual({ allowed: true });
  });

  it('keeps one bucket per caller', async () => {
    const time = clock();
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 1 }, time.now);
    expect(await limiter.take('alice')).toEqual({ allowed: true });
    expect((await limiter.take('alice')).allowed).toBe(false);
    expect(await limiter.take('bob')).toEqual({ allowed: true });
  });

  it('forgets buckets that have filled up again, so memory stays bounded', async () => {
    const time = clock();
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 2 }, time.now);
    for (let i = 0; i < 100; i++) await limiter.take(`caller-${i}`);
    expect(limiter.trackedCallers).toBe(100);
    time.advance(2_000);
    await limiter.take('late');
    expect(limiter.trackedCallers).toBe(1);
  });
});
