import type { McpServerFactory } from '@modelcontextprotocol/server';
import type { ServerLogger } from '../logger';
import { serveHttpFromEnv } from '../http/serve-http-from-env';
import { startRemoteMode } from './remote-mode';

/** `--http`: the server in production mode, with the auth, limits and routes the environment asks for. */
export async function serveRemote(
  server: string,
  factory: McpServerFactory,
  env: NodeJS.ProcessEnv,
  logger: ServerLogger,
  credential: string | undefined,
): Promise<void> {
  const { guards } = startRemoteMode({ server, env, logger, credential });
  try {
    await serveHttpFromEnv(factory, env, logger, guards);
  } catch (error) {
    await guards.close();
    throw error;
  }
}
