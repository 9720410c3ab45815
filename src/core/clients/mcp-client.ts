/**
 * What MCP Tray knows about one MCP client: where its config file is on each OS, how the file is
 * written (strict JSON or JSONC), under which key the servers live, and the shape of one entry.
 */
import type { ClientId } from '../../shared/contract';
import type { ClientContext } from './client-context';
import type { LaunchCommand } from './launch-entry';

/**
 * Strict JSON (comments refused, as the client itself would), JSONC (comments and trailing commas
 * allowed and kept) or TOML (Codex).
 */
export type ConfigSyntax = 'json' | 'jsonc' | 'toml';

export interface McpClient {
  id: ClientId;
  name: string;
  /** What the user must do for the client to load a change. */
  restartHint: string;
  syntax: ConfigSyntax;
  /** The top-level key of the server map, e.g. "mcpServers". */
  serversKey: string;
  configPath(context: ClientContext): string;
  /** The client looks installed: its config folder (or its CLI) exists. */
  isDetected(context: ClientContext): boolean;
  /**
   * Whether register may create the config file and its folder when the client is not detected.
   * Only Claude Desktop does: people often add MCP Tray first and install Claude Desktop afterwards;
   * for the others a missing folder more likely means a typo than a plan, and we do not litter $HOME.
   */
  createWhenUndetected: boolean;
  /** Our entry in this client's shape; `env` is left out when empty. */
  entryFor(launch: LaunchCommand): Record<string, unknown>;
}

/** `{ command, args, env }`: Claude Desktop, Cursor, Windsurf. */
export function plainEntry(launch: LaunchCommand): Record<string, unknown> {
  return { command: launch.command, args: [...launch.args], ...(Object.keys(launch.env).length > 0 ? { env: { ...launch.env } } : {}) };
}

/** `{ type: "stdio", command, args, env }`: VS Code and Claude Code want the transport spelled out. */
export function stdioEntry(launch: LaunchCommand): Record<string, unknown> {
  return { type: 'stdio', ...plainEntry(launch) };
}
