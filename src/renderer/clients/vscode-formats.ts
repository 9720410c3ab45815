/**
 * VS Code reads two MCP files: Copilot's portable mcp-config.json directly, and its own (local)
 * mcp.json, whose servers it forwards to Copilot. When both exist the Clients page says so and
 * recommends the portable one; a server of ours in both would show twice in VS Code.
 */
import type { ClientStatus } from '../../shared/contract';

export interface VsCodeFormats {
  portable: ClientStatus;
  local: ClientStatus;
  /** Our servers with an entry in both files. */
  inBoth: string[];
}

function hasEntry(client: ClientStatus, serverId: string): boolean {
  return client.servers.some((server) => server.serverId === serverId && (server.state === 'registered' || server.state === 'outdated'));
}

/** Null unless both files exist (and can be read). */
export function vsCodeFormats(clients: readonly ClientStatus[]): VsCodeFormats | null {
  const portable = clients.find((client) => client.id === 'copilot');
  const local = clients.find((client) => client.id === 'vscode');
  if (!portable || !local || !portable.configExists || !local.configExists || portable.error !== null || local.error !== null) return null;
  const inBoth = local.servers.map((server) => server.serverId).filter((serverId) => hasEntry(local, serverId) && hasEntry(portable, serverId));
  return { portable, local, inBoth };
}
