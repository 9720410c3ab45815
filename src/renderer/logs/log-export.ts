import type { LogEntry } from '../../shared/contract';

/** One JSON object per line: what `jq` and the manager's own log files use. */
export function toJsonLines(entries: readonly LogEntry[]): string {
  let text = '';
  for (const entry of entries) text += `${JSON.stringify(entry)}\n`;
  return text;
}

/** One readable line per entry, for pasting into an issue or a chat. */
export function toPlainText(entries: readonly LogEntry[]): string {
  return entries
    .map((entry) => {
      const fields = entry.fields && Object.keys(entry.fields).length > 0 ? ` ${JSON.stringify(entry.fields)}` : '';
      return `${entry.time} ${entry.level.toUpperCase().padEnd(5)} [${entry.source}] ${entry.message}${fields}`;
    })
    .join('\n');
}

/** e.g. "mcp-tray-weather-2025-01-31T14-03-27.jsonl": sortable, and safe on every file system. */
export function exportFileName(serverId: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `mcp-tray-${serverId}-${stamp}.jsonl`;
}
