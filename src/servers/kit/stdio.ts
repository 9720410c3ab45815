import type { McpServerFactory } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { ServerLogger } from './logger';
import { format } from 'node:util';
import { JsonRpcStdioTransport } from './stdio-transport';

/**
 * Serves over stdio until the client goes away or a signal arrives, then closes cleanly. The SDK's
 * `serveStdio` picks the protocol era from the opening message (2026-07-28 `server/discover` or a
 * 2025 `initialize`) and builds one server from `factory` for the connection.
 * console.* is rerouted to the logger so a stray print can never corrupt the JSON-RPC stream.
 */
export function serveOverStdio(factory: McpServerFactory, logger: ServerLogger): void {
  const levels = { log: 'info', info: 'info', debug: 'debug', warn: 'warn', error: 'error' } as const;
  for (const [method, level] of Object.entries(levels) as [keyof typeof levels, (typeof levels)[keyof typeof levels]][]) {
    console[method] = (...args: unknown[]) => logger[level]({ console: method }, format(...args));
  }

  const transport = new JsonRpcStdioTransport();
  const handle = serveStdio(factory, {
    transport,
    onerror: (error) => logger.warn({ err: error }, 'stdio connection error'),
  });

  let closing = false;
  const shutdown = (reason: string, exitCode = 0) => {
    if (closing) return;
    closing = true;
    logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => process.exit(exitCode), 1_000);
    timer.unref();
    handle.close().finally(() => process.exit(exitCode));
  };

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    shutdown('uncaught exception', 1);
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  logger.info({ transport: 'stdio' }, 'ready');
}
