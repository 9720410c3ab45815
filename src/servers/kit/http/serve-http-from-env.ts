import type { McpServerFactory } from '@modelcontextprotocol/server';
import type { ServerLogger } from '../logger';
import { readListEnv, readNumberEnv, readStringEnv } from '../env';
import { noHttpGuards, type HttpGuards } from './http-guards';
import { serveHttp, type HttpServeOptions } from './serve-http';

const DEFAULT_PORT = 3000;

/** The HTTP settings: PORT, HOST, MCP_ALLOWED_HOSTS, MCP_ALLOWED_ORIGINS, MCP_MAX_BODY_BYTES, timeouts and the drain deadline. */
export function readHttpServeOptions(env: NodeJS.ProcessEnv, logger: ServerLogger, guards: HttpGuards): HttpServeOptions {
  const allowedHosts = readListEnv(env, 'MCP_ALLOWED_HOSTS');
  const allowedOrigins = readListEnv(env, 'MCP_ALLOWED_ORIGINS');
  return {
    host: readStringEnv(env, 'HOST') ?? '127.0.0.1',
    port: readNumberEnv(env, 'PORT', DEFAULT_PORT, { min: 0, max: 65_535 }),
    logger,
    ...(allowedHosts ? { allowedHosts } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    maxBodyBytes: readNumberEnv(env, 'MCP_MAX_BODY_BYTES', 1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
    headersTimeoutMs: readNumberEnv(env, 'MCP_HEADERS_TIMEOUT_MS', 10_000, { min: 100, max: 600_000 }),
    requestTimeoutMs: readNumberEnv(env, 'MCP_REQUEST_TIMEOUT_MS', 30_000, { min: 100, max: 600_000 }),
    drainTimeoutMs: readNumberEnv(env, 'MCP_DRAIN_TIMEOUT_MS', 10_000, { min: 0, max: 600_000 }),
    guards,
  };
}

/** Serves `factory` over HTTP as the environment says, and drains on SIGTERM or SIGINT before exiting 0. */
export async function serveHttpFromEnv(
  factory: McpServerFactory,
  env: NodeJS.ProcessEnv,
  logger: ServerLogger,
  guards: HttpGuards = noHttpGuards,
): Promise<void> {
  const running = await serveHttp(factory, readHttpServeOptions(env, logger, guards));
  const stop = (signal: string) => {
    running.shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
