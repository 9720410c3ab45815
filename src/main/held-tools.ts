/**
 * Which tools the manager holds back from clients, per server, as the tray shows them: a count for
 * the menu and a notification when a server has newly held tools. Pure, so it is tested without Electron.
 */
import type { EventPayload } from '../shared/contract';
import type { Notice } from './registration-notice';

export class HeldTools {
  private readonly byServer = new Map<string, readonly string[]>();

  /** Records a `tools.held` event; answers the notice to show when tools were newly held back. */
  update({ serverId, held }: EventPayload<'tools.held'>, serverName: string): Notice | undefined {
    const before = new Set(this.byServer.get(serverId) ?? []);
    if (held.length > 0) this.byServer.set(serverId, [...held]);
    else this.byServer.delete(serverId);
    const newlyHeld = held.filter((tool) => !before.has(tool));
    if (newlyHeld.length === 0) return undefined;
    const tools = newlyHeld.map((tool) => `"${tool}"`).join(', ');
    const them = newlyHeld.length === 1 ? 'it' : 'them';
    return {
      title: `${serverName}: ${newlyHeld.length === 1 ? 'a tool' : `${newlyHeld.length} tools`} held back`,
      body: `${serverName} changed or added ${tools} since you approved its tools. MCP Tray holds ${them} back from your AI clients until you approve ${them}: open MCP Tray (Tools tab), or run: mcp-tray tools ${serverId} --changes`,
      level: 'warning',
    };
  }

  /** The held tools by server id, for the menu. */
  get perServer(): ReadonlyMap<string, readonly string[]> {
    return this.byServer;
  }

  get total(): number {
    let count = 0;
    for (const held of this.byServer.values()) count += held.length;
    return count;
  }
}

/** "1 tool held back", "3 tools held back". */
export function heldToolsLabel(count: number): string {
  return `${count} tool${count === 1 ? '' : 's'} held back`;
}
