import type { LogEntry } from '../shared/contract';

const MAX_FIELDS_CHARS = 500;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Local time, to the millisecond: logs are read by the person sitting at this machine. */
function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function formatFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`);
  if (parts.length === 0) return '';
  const text = parts.join(' ');
  return ` ${text.length > MAX_FIELDS_CHARS ? `${text.slice(0, MAX_FIELDS_CHARS)}…` : text}`;
}

/** One readable line per entry: time, server, level, message, then any structured fields as key=value. */
export function formatLogLine(entry: LogEntry, serverWidth = 8): string {
  // A message with newlines (a stack) stays one line per entry, so every line starts with a time.
  const message = entry.message.replace(/\r?\n/g, ' ⏎ ');
  return `${localTime(entry.time)}  ${entry.serverId.padEnd(serverWidth)}  ${entry.level.toUpperCase().padEnd(5)}  ${message}${formatFields(entry.fields)}`;
}
