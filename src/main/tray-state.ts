/**
 * What the tray icon says at a glance, from the health of every server. Pure, so the rules
 * (which state wins over which) are unit-tested without Electron.
 */
import type { ServerState } from '../shared/contract';

/** The four faces of the tray icon. */
export type TrayState = 'healthy' | 'degraded' | 'failed' | 'stopped';

export const TRAY_STATES: readonly TrayState[] = ['healthy', 'degraded', 'failed', 'stopped'];

/**
 * The overall state of the servers, worst first:
 * - failed: a server gave up (it will not restart by itself);
 * - degraded: a server is unhealthy, waiting to restart, or not up yet;
 * - healthy: every server that should run is running;
 * - stopped: nothing runs (no servers, or all stopped by the user).
 * A server stopped on purpose does not make the others look unhealthy.
 */
export function overallTrayState(states: readonly ServerState[]): TrayState {
  if (states.includes('failed')) return 'failed';
  if (states.some((state) => state === 'degraded' || state === 'backoff' || state === 'starting')) return 'degraded';
  if (states.includes('running')) return 'healthy';
  return 'stopped';
}

interface TrayServerLine {
  name: string;
  state: ServerState;
}

/** The tooltip: the overall state in words, naming the servers that need attention. */
export function trayTooltip(servers: readonly TrayServerLine[]): string {
  const state = overallTrayState(servers.map((server) => server.state));
  const running = servers.filter((server) => server.state === 'running' || server.state === 'degraded').length;
  const count = `${running} of ${servers.length} server${servers.length === 1 ? '' : 's'} running`;
  const needAttention = (wanted: readonly ServerState[]) =>
    servers
      .filter((server) => wanted.includes(server.state))
      .map((server) => server.name)
      .join(', ');
  switch (state) {
    case 'failed':
      return `MCP Tray: ${needAttention(['failed'])} failed (${count})`;
    case 'degraded':
      return `MCP Tray: ${needAttention(['degraded', 'backoff', 'starting'])} not healthy yet (${count})`;
    case 'healthy':
      return `MCP Tray: all healthy (${count})`;
    case 'stopped':
      return servers.length === 0 ? 'MCP Tray: no servers' : 'MCP Tray: all servers stopped';
  }
}
