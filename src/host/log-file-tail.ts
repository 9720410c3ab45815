/**
 * Reads a server's recent log entries from the files the manager wrote (`<dataDir>/logs/<id>.jsonl`,
 * rotated to `<id>.1.jsonl` ... with higher numbers older), for `mcp-tray logs` while no manager runs.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
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

/** The newest `limit` entries at `minLevel` or above, oldest first. */
export async function readLogTail(dataDir: string, serverId: string, limit: number, minLevel?: LogLevel): Promise<LogEntry[]> {
  const minRank = minLevel === undefined ? -1 : levelRank(minLevel);
  const newestFirst: LogEntry[] = [];
  for (const file of await logFilesNewestFirst(path.join(dataDir, 'logs'), serverId)) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const lines = text.split('\n');
    for (let index = lines.length - 1; index >= 0 && newestFirst.length < limit; index--) {
      const line = lines[index];
      if (!line) continue;
      const entry = parseEntry(line);
      if (entry && entry.serverId === serverId && levelRank(entry.level) >= minRank) newestFirst.push(entry);
    }
    if (newestFirst.length >= limit) break;
  }
  return newestFirst.reverse();
}
