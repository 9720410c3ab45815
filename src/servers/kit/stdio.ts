import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Logger } from 'pino';
import { format } from 'node:util';

/**
 * Serves over stdio until the client goes away or a signal arrives, then closes cleanly.
 * console.* is rerouted to the logger so a stray print can never corrupt the JSON-RPC stream.
 */
export async function serveOverStdio(server: McpServer, logger: Logger): Promise<void> {
  const levels = { log: 'info', info: 'info', debug: 'debug', warn: 'warn', error: 'error' } as const;
  for (const [method, level] of Object.entries(levels) as [keyof typeof levels, (typeof levels)[keyof typeof levels]][]) {
    console[method] = (...args: unknown[]) => logger[level]({ console: method }, format(...args));
  }

  let closing = false;
  const shutdown = (reason: string, exitCode = 0) => {
    if (closing) return;
    closing = true;
    logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => process.exit(exitCode), 1_000);
    timer.unref();
    server.close().finally(() => process.exit(exitCode));
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

  await server.connect(new StdioServerTransport());
  logger.info({ transport: 'stdio' }, 'ready');
}
