import type { McpServerFactory } from '@modelcontextprotocol/server';
import type { ServerLogger } from './logger';
import { serveOverStdio } from './stdio';

/**
 * Serves over stdio, or over Streamable HTTP in production mode when the command line has `--http`.
 * Only the flag switches: a PORT or HOST leaking into a client-started server must never turn it
 * into an HTTP server.
 */
export async function serveByFlag(
  server: string,
  factory: McpServerFactory,
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  logger: ServerLogger,
  /** The name of a credential the server acts with (e.g. "GITHUB_TOKEN"), when it was given one: HTTP mode guards it. */
  credential?: string,
): Promise<void> {
  if (!argv.includes('--http')) {
    serveOverStdio(factory, logger);
    return;
  }
  // Loaded only in HTTP mode, so a stdio start does not pay for auth, limits and metrics.
  const { serveRemote } = await import('./remote/serve-remote');
  await serveRemote(server, factory, env, logger, credential);
}
