import { refillTimeMs, takeFromBucket, type BucketState, type CallerRateLimiter, type CallerRateLimitSettings, type RateVerdict } from './caller-rate-limit';

/** Buckets in this process: right for one replica, and the fallback with no Redis. */
export class MemoryRateLimiter implements CallerRateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  private lastSweepMs: number;

  constructor(
    private readonly settings: CallerRateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweepMs = now();
  }

  async take(callerId: string): Promise<RateVerdict> {
    const nowMs = this.now();
    this.sweep(nowMs);
    const { state, verdict } = takeFromBucket(this.buckets.get(callerId), nowMs, this.settings);
    this.buckets.set(callerId, state);
    return verdict;
  }

  get trackedCallers(): number {
    return this.buckets.size;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }

  /** Forgets full buckets now and then, so many one-off callers cannot grow memory without bound. */
  private sweep(nowMs: number): void {
    const refillMs = refillTimeMs(this.settings);
    if (nowMs - this.lastSweepMs < refillMs) return;
    this.lastSweepMs = nowMs;
    for (const [caller, state] of this.buckets) {
      if (nowMs - state.updatedAtMs >= refillMs) this.buckets.delete(caller);
    }
  }
}
