import { createClient } from '@redis/client';
import type { ServerLogger } from '../logger';
import { ThrottledReport } from './throttled-report';

export type RedisConnection = ReturnType<typeof createRedisConnection>;

const CONNECT_TIMEOUT_MS = 2_000;
/** How long one command may take before the caller stops waiting and treats Redis as unavailable. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * One Redis client for the process that never crashes it: it reconnects forever with a capped
 * backoff, fails commands at once while disconnected (no queue that would hold tool calls), and
 * logs connection errors at most once a minute. The URL (it may hold a password) is never logged.
 */
export function createRedisConnection(url: string, logger: ServerLogger) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 5), MAX_RECONNECT_DELAY_MS),
    },
  });
  let lastError = '';
  const report = new ThrottledReport((suppressed) => {
    logger.warn({ error: lastError, repeated: suppressed }, 'Redis is unreachable; reconnecting');
  });
  client.on('error', (error: Error) => {
    lastError = describeRedisError(error);
    report.occurred();
  });
  client.on('ready', () => logger.info('Redis connected'));
  client.connect().catch((error: unknown) => {
    lastError = describeRedisError(error);
    report.occurred();
  });
  return client;
}

/** An error's message without anything from the URL (a password may be in it). */
export function describeRedisError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message.replace(/redis(s)?:\/\/\S+/g, 'redis://…')}` : message.replace(/redis(s)?:\/\/\S+/g, 'redis://…');
}

/** Closes the client whether or not it is connected. */
export async function closeRedisConnection(client: RedisConnection): Promise<void> {
  if (client.isOpen) {
    await client.close().catch(() => client.destroy());
  } else {
    try {
      client.destroy();
    } catch {
      // Already closed.
    }
  }
}
