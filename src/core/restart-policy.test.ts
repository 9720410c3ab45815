import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy';

describe('RestartPolicy', () => {
  it('doubles the delay from 1 s with jitter, and gives up at the fifth crash within 60 s', () => {
    const policy = new RestartPolicy(undefined, () => 0.5);
    expect(policy.recordCrash(0)).toEqual({ action: 'restart', delayMs: 1_000 });
    expect(policy.recordCrash(1_000)).toEqual({ action: 'restart', delayMs: 2_000 });
    expect(policy.recordCrash(3_000)).toEqual({ action: 'restart', delayMs: 4_000 });
    expect(policy.recordCrash(7_000)).toEqual({ action: 'restart', delayMs: 8_000 });
    expect(policy.recordCrash(15_000)).toEqual({ action: 'give-up', crashesInWindow: 5 });
  });

  it('keeps jitter within ±20% and never above the 60 s ceiling', () => {
    const low = new RestartPolicy({ initialDelayMs: 1_000, maxDelayMs: 60_000, maxCrashes: 100, windowMs: 1e12 }, () => 0);
    const high = new RestartPolicy({ initialDelayMs: 1_000, maxDelayMs: 60_000, maxCrashes: 100, windowMs: 1e12 }, () => 1);
    expect(low.recordCrash(0)).toEqual({ action: 'restart', delayMs: 800 });
    expect(high.recordCrash(0)).toEqual({ action: 'restart', delayMs: 1_200 });
    let last = high.recordCrash(1);
    for (let crash = 0; crash < 10; crash++) last = high.recordCrash(crash + 2);
    expect(last).toEqual({ action: 'restart', delayMs: 60_000 });
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy(undefined, () => 0.5);
    for (let crash = 0; crash < 4; crash++) policy.recordCrash(crash * 1_000);
    expect(policy.recordCrash(70_000)).toEqual({ action: 'restart', delayMs: 1_000 });
  });
});
