import type { LogLevel } from '../shared/contract';

/** How a process ended, in the words of the timeline. */
export function describeExit(code: number | null, signal: string | null): string {
  if (signal) return `killed by ${signal}`;
  return `exited with code ${code ?? 'unknown'}`;
}

/** MCP uses syslog levels; the timeline uses pino's. */
export function mcpLevelToLogLevel(level: string): LogLevel {
  switch (level) {
    case 'debug':
      return 'debug';
    case 'info':
    case 'notice':
      return 'info';
    case 'warning':
      return 'warn';
    case 'error':
      return 'error';
    default:
      return 'fatal';
  }
}
