import type { ServerLogger } from '../logger';
import { readChoiceEnv, readFlagEnv, readNumberEnv, readStringEnv } from '../env';
import { installSharedResponseCache } from '../shared-response-cache';
import { installUpstreamObserver } from '../upstream-telemetry';
import { assertCredentialIsGuarded, readRemoteAuth } from './auth-config';
import type { CallerRateLimiter } from './caller-rate-limit';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { CachedReadiness } from './readiness';
import { closeRedisConnection, createRedisConnection, type RedisConnection } from './redis-connection';
import { RedisRateLimiter, type RedisFailureMode } from './redis-rate-limiter';
import { RedisResponseCache } from './redis-response-cache';
import { RemoteGuards } from './remote-guards';
import { ServerMetrics } from './server-metrics';
import { installToolCallGate, ToolCallGate } from './tool-call-gate';
import { withTimeout } from './with-timeout';

export interface RemoteModeOptions {
  /** The server's id, e.g. "weather": a metric label and part of every Redis key. */
  server: string;
  env: NodeJS.ProcessEnv;
  logger: ServerLogger;
  /** The name of a credential the server acts with (e.g. "GITHUB_TOKEN"), when it holds one. */
  credential?: string;
}

export interface RemoteMode {
  guards: RemoteGuards;
}

const DEFAULT_RPM = 120;
const DEFAULT_BURST = 20;
const READY_TIMEOUT_MS = 1_000;
const REDIS_FAILURE_MODES: Record<RedisFailureMode, string> = {
  open: 'let calls through while Redis is down',
  closed: 'refuse them',
};

/**
 * Production mode from the environment: auth, per-caller limits (in Redis with REDIS_URL), metrics
 * (fed by the tool-call gate every tool runs through and by the upstream observer), the upstream
 * response cache shared through Redis, and readiness. A bad setting stops start-up with a message
 * naming it; Redis being down does not.
 */
export function startRemoteMode({ server, env, logger, credential }: RemoteModeOptions): RemoteMode {
  const auth = readRemoteAuth(env);
  assertCredentialIsGuarded(auth, env, credential);
  const metrics = new ServerMetrics(server);
  const perMinute = readNumberEnv(env, 'RATE_LIMIT_RPM', DEFAULT_RPM, { min: 0, max: 1_000_000 });
  const burst = readNumberEnv(env, 'RATE_LIMIT_BURST', Math.min(DEFAULT_BURST, Math.max(1, perMinute)), { min: 1, max: 1_000_000 });
  const onRedisError: RedisFailureMode = readChoiceEnv(env, 'RATE_LIMIT_ON_REDIS_ERROR', REDIS_FAILURE_MODES, 'open');
  const redisUrl = readStringEnv(env, 'REDIS_URL');
  const redis = redisUrl ? createRedisConnection(redisUrl, logger) : undefined;

  let limiter: CallerRateLimiter | undefined;
  if (perMinute > 0) {
    limiter = redis
      ? new RedisRateLimiter(redis, {
          settings: { perMinute, burst },
          keyPrefix: `mcp:${server}:ratelimit:`,
          onRedisError,
          logger,
          onStoreError: (mode) => metrics.rateLimitStoreError(mode),
        })
      : new MemoryRateLimiter({ perMinute, burst });
  }
  installToolCallGate(new ToolCallGate(limiter ?? { take: async () => ({ allowed: true }), close: async () => {} }, metrics));
  installUpstreamObserver(metrics);
  if (redis) installSharedResponseCache(new RedisResponseCache(redis, { keyPrefix: `mcp:${server}:cache:`, logger }));

  const readiness = new CachedReadiness(redis ? { redis: () => pingRedis(redis) } : {});
  const reloadKeys = () => {
    try {
      auth.apiKeys?.reload();
      logger.info({ keys: auth.apiKeys?.size }, 'API keys reloaded');
    } catch (error) {
      logger.error({ error: (error as Error).message }, 'API keys not reloaded; the keys in use stay valid');
    }
  };
  if (readStringEnv(env, 'MCP_AUTH_TOKENS_FILE')) process.on('SIGHUP', reloadKeys);
  logger.info(
    {
      auth: { api_keys: auth.apiKeys?.size ?? 0, oauth: auth.protectedResource !== undefined },
      response_cache: redis ? 'redis' : 'memory',
      rate_limit: perMinute > 0 ? { per_minute: perMinute, burst, store: redis ? 'redis' : 'memory', on_redis_error: redis ? onRedisError : undefined } : 'off',
    },
    'production mode',
  );

  const guards = new RemoteGuards({
    auth,
    metrics,
    readiness,
    metricsPublic: readFlagEnv(env, 'METRICS_PUBLIC'),
    logger,
    release: async () => {
      process.off('SIGHUP', reloadKeys);
      installToolCallGate(undefined);
      installUpstreamObserver(undefined);
      installSharedResponseCache(undefined);
      await limiter?.close();
      if (redis) await closeRedisConnection(redis);
    },
  });
  return { guards };
}

async function pingRedis(redis: RedisConnection): Promise<void> {
  if (!redis.isReady) throw new Error('Redis is not connected');
  await withTimeout(redis.ping(), READY_TIMEOUT_MS, `Redis did not answer PING within ${READY_TIMEOUT_MS} ms`);
}
