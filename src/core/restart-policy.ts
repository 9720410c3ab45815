export interface RestartPolicyOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  /** This many crashes within windowMs and the server is marked failed. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxCrashes: 5,
  windowMs: 60_000,
};

type CrashDecision = { action: 'restart'; delayMs: number } | { action: 'give-up'; crashesInWindow: number };

/** Exponential backoff with jitter between restarts, and a crash-loop breaker. */
export class RestartPolicy {
  private crashTimes: number[] = [];

  constructor(
    private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
    private readonly random: () => number = Math.random,
  ) {}

  recordCrash(now: number): CrashDecision {
    const { initialDelayMs, maxDelayMs, maxCrashes, windowMs } = this.options;
    this.crashTimes = this.crashTimes.filter((time) => now - time < windowMs);
    this.crashTimes.push(now);
    const crashes = this.crashTimes.length;
    if (crashes >= maxCrashes) return { action: 'give-up', crashesInWindow: crashes };
    const base = Math.min(maxDelayMs, initialDelayMs * 2 ** (crashes - 1));
    // ±20% jitter so servers that died together do not all come back in the same millisecond.
    const delayMs = Math.min(maxDelayMs, Math.round(base * (0.8 + 0.4 * this.random())));
    return { action: 'restart', delayMs };
  }

  /** A start asked for by the user begins a fresh history. */
  reset(): void {
    this.crashTimes = [];
  }
}
