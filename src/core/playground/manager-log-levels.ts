import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/**
 * The level the manager's own session (its log view, the UI) listens at on each server. Kept for
 * this run only: it is a debugging choice, and a forgotten "debug" that outlived a restart of
 * MCP Tray would keep every bridged client's server chatty without anyone seeing why.
 */
export const DEFAULT_MANAGER_LOG_LEVEL: LoggingLevel = 'info';

export class ManagerLogLevels {
  private readonly levels = new Map<string, LoggingLevel>();

  get(serverId: string): LoggingLevel {
    return this.levels.get(serverId) ?? DEFAULT_MANAGER_LOG_LEVEL;
  }

  set(serverId: string, level: LoggingLevel): void {
    if (level === DEFAULT_MANAGER_LOG_LEVEL) this.levels.delete(serverId);
    else this.levels.set(serverId, level);
  }

  forget(serverId: string): void {
    this.levels.delete(serverId);
  }
}
