import { createHash } from 'node:crypto';
import type { ServerLogger } from '../logger';
import type { SharedCacheEntry, SharedResponseCache } from '../shared-response-cache';
import { describeRedisError, REDIS_COMMAND_TIMEOUT_MS, type RedisConnection } from './redis-connection';
import { ThrottledReport } from './throttled-report';
import { withTimeout } from './with-timeout';

export interface RedisResponseCacheOptions {
  /** Prefix of every key, naming the server, e.g. "mcp:weather:cache:". */
  keyPrefix: string;
  logger: ServerLogger;
  /** A value whose JSON is larger than this is not shared (it stays in the replica's own cache). */
  maxValueBytes?: number;
  commandTimeoutMs?: number;
}

const DEFAULT_MAX_VALUE_BYTES = 128 * 1024;
// Bumped when what is stored changes shape, so replicas of different versions never read each other's values.
const FORMAT_VERSION = 'v1';

/**
 * Upstream answers in Redis, shared by every replica, each under a key of fixed length (a hash of the
 * cache's own key, which may hold what a caller typed) that expires with the in-memory TTL. Redis
 * failing only costs the cache: reads answer "not cached", writes are dropped, and it is logged at
 * most once a minute.
 */
export class RedisResponseCache implements SharedResponseCache {
  private readonly unavailable: ThrottledReport;
  private lastError = '';

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: RedisResponseCacheOptions,
  ) {
    this.unavailable = new ThrottledReport((suppressed) => {
      options.logger.warn({ error: this.lastError, repeated: suppressed }, 'The shared response cache cannot reach Redis; asking the upstream directly');
    });
  }

  async get(cache: string, key: string): Promise<SharedCacheEntry | undefined> {
    const redisKey = this.keyFor(cache, key);
    try {
      const [raw, ttlMs] = await withTimeout(
        this.redis.multi().get(redisKey).pTTL(redisKey).exec(),
        this.timeoutMs,
        'Redis did not answer a cache read in time',
      );
      if (typeof raw !== 'string' || typeof ttlMs !== 'number' || ttlMs <= 0) return undefined;
      return { value: JSON.parse(raw) as unknown, ttlMs };
    } catch (error) {
      this.failed(error);
      return undefined;
    }
  }

  async set(cache: string, key: string, value: unknown, ttlMs: number): Promise<void> {
    const json = JSON.stringify(value);
    if (Buffer.byteLength(json, 'utf8') > (this.options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES)) return;
    try {
      await withTimeout(this.redis.set(this.keyFor(cache, key), json, { PX: Math.max(1, Math.round(ttlMs)) }), this.timeoutMs, 'Redis did not answer a cache write in time');
    } catch (error) {
      this.failed(error);
    }
  }

  private get timeoutMs(): number {
    return this.options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS;
  }

  /** `cache` is a fixed name from code; `key` may be long or hold anything, so only its hash is used. */
  private keyFor(cache: string, key: string): string {
    const digest = createHash('sha256').update(key, 'utf8').digest('base64url');
    return `${this.options.keyPrefix}${FORMAT_VERSION}:${cache}:${digest}`;
  }

  private failed(error: unknown): void {
    this.lastError = describeRedisError(error);
    this.unavailable.occurred();
  }
}
