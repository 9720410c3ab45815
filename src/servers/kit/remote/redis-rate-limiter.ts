import { createHash } from 'node:crypto';
import type { ServerLogger } from '../logger';
import { refillTimeMs, type CallerRateLimiter, type CallerRateLimitSettings, type RateVerdict } from './caller-rate-limit';
import { describeRedisError, REDIS_COMMAND_TIMEOUT_MS, type RedisConnection } from './redis-connection';
import { ThrottledReport } from './throttled-report';
import { withTimeout } from './with-timeout';

export type RedisFailureMode = 'open' | 'closed';

export interface RedisRateLimiterOptions {
  settings: CallerRateLimitSettings;
  /** Prefix of every bucket key, naming the server so its callers' limits are its own. */
  keyPrefix: string;
  onRedisError: RedisFailureMode;
  logger: ServerLogger;
  /** Called on every call Redis could not decide, for the metric. */
  onStoreError: (mode: RedisFailureMode) => void;
  commandTimeoutMs?: number;
}

/** How long a caller is told to wait when the shared store is down and the mode is closed. */
const CLOSED_RETRY_SECONDS = 5;

// The bucket arithmetic of takeFromBucket, done atomically in Redis on Redis's own clock, so every
// replica draws on one bucket per caller. Returns {allowed, retryAfterSeconds}.
const TAKE_SCRIPT = `
local per_ms = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local ttl_ms = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.max(1, math.ceil((1 - tokens) / per_ms / 1000))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], ttl_ms)
return {allowed, retry}
`;
const TAKE_SCRIPT_SHA = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/**
 * Buckets in Redis, shared by every replica. When Redis cannot answer, the configured mode decides:
 * `open` lets the call through, `closed` refuses it; either way it is counted and logged once a minute.
 */
export class RedisRateLimiter implements CallerRateLimiter {
  private readonly unavailable: ThrottledReport;
  private lastError = '';

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: RedisRateLimiterOptions,
  ) {
    this.unavailable = new ThrottledReport((suppressed) => {
      const action = options.onRedisError === 'open' ? 'letting tool calls through unlimited' : 'refusing tool calls';
      options.logger.warn({ error: this.lastError, repeated: suppressed, mode: options.onRedisError }, `Rate limits cannot reach Redis; ${action} (RATE_LIMIT_ON_REDIS_ERROR=${options.onRedisError})`);
    });
  }

  async take(callerId: string): Promise<RateVerdict> {
    try {
      const [allowed, retryAfterSeconds] = await this.runScript(`${this.options.keyPrefix}${callerId}`);
      return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds };
    } catch (error) {
      this.lastError = describeRedisError(error);
      this.options.onStoreError(this.options.onRedisError);
      this.unavailable.occurred();
      return this.options.onRedisError === 'open'
        ? { allowed: true }
        : { allowed: false, retryAfterSeconds: CLOSED_RETRY_SECONDS, reason: 'store-unavailable' };
    }
  }

  async close(): Promise<void> {}

  private async runScript(key: string): Promise<[number, number]> {
    const { perMinute, burst } = this.options.settings;
    const args = { keys: [key], arguments: [String(perMinute / 60_000), String(burst), String(refillTimeMs(this.options.settings) + 1_000)] };
    const reply = await withTimeout(
      this.redis.evalSha(TAKE_SCRIPT_SHA, args).catch((error: unknown) => {
        // The first call on a fresh Redis (or after a restart) loads the script.
        if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return this.redis.eval(TAKE_SCRIPT, args);
        throw error;
      }),
      this.options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS,
      'Redis did not answer the rate-limit script in time',
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error('Redis answered the rate-limit script with something unexpected');
    }
    return [reply[0], reply[1]];
  }
}
