import { describe, expect, it } from 'vitest';
import { CachedReadiness } from './readiness';

describe('CachedReadiness', () => {
  it('runs its checks once per interval and shares a check in flight', async () => {
    let now = 0;
    let runs = 0;
    let healthy = true;
    const readiness = new CachedReadiness(
      {
        redis: async () => {
          runs += 1;
          if (!healthy) throw new Error('Redis did not answer PING');
        },
      },
      3_000,
      () => now,
    );
    const [first, second] = await Promise.all([readiness.check(), readiness.check()]);
    expect(first).toEqual({ ready: true, detail: { redis: 'ok' } });
    expect(second).toBe(first);
    healthy = false;
    now = 2_999;
    expect((await readiness.check()).ready).toBe(true);
    expect(runs).toBe(1);
    now = 3_000;
    expect(await readiness.check()).toEqual({ ready: false, detail: { redis: 'Redis did not answer PING' } });
    expect(runs).toBe(2);
  });

  it('is ready with no checks at all', async () => {
    expect(await new CachedReadiness({}).check()).toEqual({ ready: true, detail: {} });
  });
});
