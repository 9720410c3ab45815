import { LoggingLevelSchema, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/** MCP's logging levels, least severe first (RFC 5424 severities, MCP 2025-11-25, Server > Utilities > Logging). */
const ORDER: readonly LoggingLevel[] = LoggingLevelSchema.options;

export function isLoggingLevel(value: unknown): value is LoggingLevel {
  return typeof value === 'string' && (ORDER as readonly string[]).includes(value);
}

/** Whether a message at `level` reaches a session that asked for `threshold` and above (everything when it asked nothing). */
export function passesLevel(level: string, threshold: LoggingLevel | undefined): boolean {
  if (threshold === undefined) return true;
  const index = ORDER.indexOf(level as LoggingLevel);
  return index === -1 || index >= ORDER.indexOf(threshold);
}

/** The least severe of the levels asked for: the level the shared server must run at so each session gets its own. */
export function lowestLevel(levels: Iterable<LoggingLevel | undefined>): LoggingLevel | undefined {
  let lowest: LoggingLevel | undefined;
  for (const level of levels) {
    if (level !== undefined && (lowest === undefined || ORDER.indexOf(level) < ORDER.indexOf(lowest))) lowest = level;
  }
  return lowest;
}
