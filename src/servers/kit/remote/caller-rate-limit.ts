/** Per-caller limit on tool calls: a token bucket refilled at `perMinute`, holding at most `burst`. */
export interface CallerRateLimitSettings {
  perMinute: number;
  burst: number;
}

export type RateVerdict =
  | { allowed: true }
  // store-unavailable: the shared store is down and the mode is closed, so nothing can be admitted.
  | { allowed: false; retryAfterSeconds: number; reason?: 'store-unavailable' };

/** Where the buckets live: this process's memory, or Redis shared by every replica. */
export interface CallerRateLimiter {
  take(callerId: string): Promise<RateVerdict>;
  close(): Promise<void>;
}

export interface BucketState {
  tokens: number;
  updatedAtMs: number;
}

/**
 * Refills a bucket for the time passed and takes one token if there is one. The Redis script
 * does the same arithmetic in Lua.
 */
export function takeFromBucket(state: BucketState | undefined, nowMs: number, settings: CallerRateLimitSettings): { state: BucketState; verdict: RateVerdict } {
  const perMs = settings.perMinute / 60_000;
  const elapsed = Math.max(0, nowMs - (state?.updatedAtMs ?? nowMs));
  const tokens = Math.min(settings.burst, (state?.tokens ?? settings.burst) + elapsed * perMs);
  if (tokens >= 1) return { state: { tokens: tokens - 1, updatedAtMs: nowMs }, verdict: { allowed: true } };
  const waitMs = (1 - tokens) / perMs;
  return { state: { tokens, updatedAtMs: nowMs }, verdict: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } };
}

/** How long an untouched bucket takes to fill up again; after that it is the same as no bucket. */
export function refillTimeMs(settings: CallerRateLimitSettings): number {
  return Math.ceil((settings.burst / settings.perMinute) * 60_000);
}
