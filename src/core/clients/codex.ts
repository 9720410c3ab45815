/**
 * Codex (its CLI, its IDE extension and the ChatGPT desktop app read one file): $CODEX_HOME/config.toml,
 * else ~/.codex/config.toml (%USERPROFILE%\.codex on Windows). Each server is an `[mcp_servers.<name>]`
 * table with `command`, `args`, an `env` table and `startup_timeout_sec`.
 *
 * Checked against "Model Context Protocol" in the Codex docs (https://developers.openai.com/codex/mcp):
 * "Codex stores MCP configuration in ~/.codex/config.toml ... The CLI and the IDE extension share this
 * configuration"; a STDIO server takes `command` (required), `args`, `env`, `env_vars`, `cwd`, and
 * `startup_timeout_sec` (default 10 seconds). CODEX_HOME moves the whole folder (Codex CLI docs,
 * "$CODEX_HOME/config.toml").
 */
import { absolutePathFromEnv, executableNames, findExecutable, pathApi, type ClientContext } from './client-context';
import type { LaunchCommand } from './launch-entry';
import { plainEntry, type McpClient } from './mcp-client';

/**
 * Codex gives a server 10 s to start. Our entry runs the app's own binary as Node (on a cold disk
 * that loads a large Electron binary) and, when MCP Tray is not running, the launcher starts the
 * server itself after reading the keychain, which may wait for the user to unlock it.
 */
export const CODEX_STARTUP_TIMEOUT_SEC = 30;

function codexHome(context: ClientContext): string {
  return absolutePathFromEnv(context, 'CODEX_HOME') ?? pathApi(context).join(context.homeDir, '.codex');
}

function codexEntry(launch: LaunchCommand): Record<string, unknown> {
  const { env, ...command } = plainEntry(launch);
  return { ...command, startup_timeout_sec: CODEX_STARTUP_TIMEOUT_SEC, ...(env === undefined ? {} : { env }) };
}

export const codex: McpClient = {
  id: 'codex',
  name: 'Codex (CLI, IDE extension, ChatGPT desktop)',
  restartHint: 'Start a new Codex session (or restart the IDE extension or the ChatGPT app) to load the change; /mcp lists the servers Codex loaded.',
  syntax: 'toml',
  serversKey: 'mcp_servers',
  configPath: (context) => pathApi(context).join(codexHome(context), 'config.toml'),
  isDetected: (context) => context.exists(codexHome(context)) || findExecutable(context, executableNames(context, 'codex')) !== undefined,
  createWhenUndetected: false,
  entryFor: codexEntry,
};
