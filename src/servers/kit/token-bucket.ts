import { ToolFailure } from './errors';

export interface TokenBucketOptions {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Most tokens the bucket holds: the largest burst allowed. */
  burst: number;
  /** How long a caller may wait for a token before the call is refused. */
  maxWaitMs: number;
  /** Name of the upstream, for the error a person reads. */
  upstream: string;
  now?: () => number;
}

/**
 * Token-bucket limiter for calls to one upstream. A caller waits briefly for a token;
 * when the queue would make it wait too long it gets a clear "try again in N s" instead.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
      throw new Error(`Rate limit for ${options.upstream} needs a rate above 0 and a burst of at least 1.`);
    }
    this.now = options.now ?? (() => performance.now());
    this.tokens = options.burst;
    this.updatedAt = this.now();
  }

  /** Waits until a token is free, or throws a rate-limited ToolFailure if that would take longer than maxWaitMs. */
  async take(): Promise<void> {
    const waitMs = this.reserve();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  private reserve(): number {
    const now = this.now();
    const { ratePerSecond, burst, maxWaitMs, upstream } = this.options;
    this.tokens = Math.min(burst, this.tokens + ((now - this.updatedAt) / 1000) * ratePerSecond);
    this.updatedAt = now;
    const waitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) / ratePerSecond) * 1000;
    if (waitMs > maxWaitMs) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new ToolFailure(
        `Too many requests to ${upstream} from this server right now. Try again in ${seconds} s.`,
        'rate_limited',
      );
    }
    // Borrowing below zero queues callers in order: each later caller waits one interval longer.
    this.tokens -= 1;
    return waitMs;
  }
}
