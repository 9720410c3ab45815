/**
 * Reads a server's recent log entries from the files the manager wrote (`<dataDir>/logs/<id>.jsonl`,
 * rotated to `<id>.1.jsonl` ... with higher numbers older), for `mcp-tray logs` while no manager runs.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { callClientMatcher } from '../shared/call-client';
import { LogEntrySchema, LogLevelSchema, type LogEntry, type LogLevel } from '../shared/contract';

export function levelRank(level: LogLevel): number {
  return LogLevelSchema.options.indexOf(level);
}

/** The server's log files, newest first. */
async function logFilesNewestFirst(logsDir: string, serverId: string): Promise<string[]> {
  const names = await readdir(logsDir).catch(() => [] as string[]);
  const pattern = /^(.+?)(?:\.(\d+))?\.jsonl$/;
  return names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter(({ match }) => match !== null && match[1] === serverId)
    .map(({ name, match }) => ({ name, index: match?.[2] === undefined ? 0 : Number(match[2]) }))
    .sort((a, b) => a.index - b.index)
    .map(({ name }) => path.join(logsDir, name));
}

function parseEntry(line: string): LogEntry | undefined {
  try {
    const parsed = LogEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A line cut short by a crash mid-write.
    return undefined;
  }
}

/** Which entries to keep: those at `minLevel` or above, and only the calls `client` made when it is given. */
export interface LogTailFilter {
  minLevel?: LogLevel | undefined;
  client?: string | undefined;
}

/** A test for one entry, the same rule as the manager's log query applies. */
export function logTailMatcher(serverId: string, { minLevel, client }: LogTailFilter): (entry: LogEntry) => boolean {
  const minRank = minLevel === undefined ? -1 : levelRank(minLevel);
  const byClient = client === undefined ? undefined : callClientMatcher(client);
  return (entry) => entry.serverId === serverId && levelRank(entry.level) >= minRank && (byClient === undefined || byClient(entry));
}

/** The newest `limit` entries that pass the filter, oldest first. */
export async function readLogTail(dataDir: string, serverId: string, limit: number, filter: LogTailFilter = {}): Promise<LogEntry[]> {
  const matches = logTailMatcher(serverId, filter);
  const newestFirst: LogEntry[] = [];
  for (const file of await logFilesNewestFirst(path.join(dataDir, 'logs'), serverId)) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const lines = text.split('\n');
    for (let index = lines.length - 1; index >= 0 && newestFirst.length < limit; index--) {
      const line = lines[index];
      if (!line) continue;
      const entry = parseEntry(line);
      if (entry && matches(entry)) newestFirst.push(entry);
    }
    if (newestFirst.length >= limit) break;
  }
  return newestFirst.reverse();
}
