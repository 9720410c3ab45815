/**
 * Turns one line a server wrote to stderr into a log level, message and fields. Pure parsing:
 * redaction and size caps happen in the LogStore, after this.
 *
 * - A JSON object line (pino, bunyan and most structured loggers) gives its level (pino numbers
 *   10..60 or a level name), its `msg` (or `message`) and, as fields, every other key except the
 *   envelope keys `time`, `level`, `msg`, `pid`, `hostname` and `name`. Its `time` (epoch ms,
 *   epoch seconds, or an ISO string) becomes the entry time. An envelope key that cannot be
 *   understood (a non-string `msg`, an unparsable `time` or `level`) stays in the fields so no
 *   information is lost.
 * - Any other line is kept as text, colour codes removed, at level `info`; it is `error` when it
 *   starts like an error report (`Error:`, `TypeError: ...`, `ERROR`, `FATAL`, `error:`, `fatal:`,
 *   `panic:`, `Uncaught`, `npm ERR!`, a Python traceback) and `warn` when it starts like a warning
 *   (`WARN`, `WARNING`, `Warning:`, `npm WARN`, Node's `(node:1234) ...Warning:` lines).
 *   Stack frames (`    at ...`) stay `info`: one line alone cannot tell whose stack it is.
 */
import type { LogLevel } from '../shared/contract';

interface ParsedStderrLine {
  level: LogLevel;
  message: string;
  fields?: Record<string, unknown>;
  time?: Date;
}

/** Longer JSON lines are kept as text: parsing megabytes per line would stall the manager. */
export const MAX_PARSED_LINE_CHARS = 64 * 1024;

const ENVELOPE_KEYS_ALWAYS_DROPPED = new Set(['pid', 'hostname', 'name']);

const LEVEL_BY_NAME: ReadonlyMap<string, LogLevel> = new Map<string, LogLevel>([
  ['trace', 'trace'],
  ['silly', 'trace'],
  ['debug', 'debug'],
  ['verbose', 'debug'],
  ['info', 'info'],
  ['information', 'info'],
  ['notice', 'info'],
  ['log', 'info'],
  ['warn', 'warn'],
  ['warning', 'warn'],
  ['error', 'error'],
  ['err', 'error'],
  ['fatal', 'fatal'],
  ['critical', 'fatal'],
  ['crit', 'fatal'],
  ['alert', 'fatal'],
  ['emerg', 'fatal'],
  ['emergency', 'fatal'],
  ['panic', 'fatal'],
]);

// Compiled once: this runs for every stderr line a server writes.
const ERROR_LINE_START =
  /^\s*(?:(?:[A-Z][A-Za-z]*)?Error\b|ERROR\b|FATAL\b|error:|fatal:|panic:|Uncaught\b|npm ERR!|Traceback \(most recent call last\))/;
const WARNING_LINE_START = /^\s*(?:WARN(?:ING)?\b|Warning:|npm WARN\b|\(node:\d+\) (?:\[\w+\] )?\w*Warning:)/;
// CSI sequences such as colours (ESC [ 31 m) and cursor moves.
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const DIGITS_ONLY = /^\d+$/;
// Below this an epoch number is in seconds: 1e11 ms is 1973, 1e11 s is the year 5138.
const EPOCH_SECONDS_BELOW = 1e11;

export function parseStderrLine(line: string): ParsedStderrLine {
  const json = looksLikeJsonObject(line) ? parseJsonObject(line) : undefined;
  return json ? fromJsonObject(json) : fromTextLine(line);
}

/** Maps a pino number (10..60, custom levels in between by threshold) or a level name. */
export function levelFromValue(value: unknown): LogLevel | undefined {
  if (typeof value === 'number') return levelFromNumber(value);
  if (typeof value !== 'string') return undefined;
  const byName = LEVEL_BY_NAME.get(value.trim().toLowerCase());
  if (byName) return byName;
  return DIGITS_ONLY.test(value) ? levelFromNumber(Number(value)) : undefined;
}

function levelFromNumber(value: number): LogLevel | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value >= 60) return 'fatal';
  if (value >= 50) return 'error';
  if (value >= 40) return 'warn';
  if (value >= 30) return 'info';
  if (value >= 20) return 'debug';
  return 'trace';
}

function timeFromValue(value: unknown): Date | undefined {
  let time: Date | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    time = new Date(Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value);
  } else if (typeof value === 'string' && value.length > 0) {
    time = new Date(value);
  }
  return time && !Number.isNaN(time.getTime()) ? time : undefined;
}

function looksLikeJsonObject(line: string): boolean {
  if (line.length < 2 || line.length > MAX_PARSED_LINE_CHARS) return false;
  let first = 0;
  while (first < line.length && isBlank(line.charCodeAt(first))) first++;
  let last = line.length - 1;
  while (last > first && isBlank(line.charCodeAt(last))) last--;
  return line.charCodeAt(first) === 0x7b /* { */ && line.charCodeAt(last) === 0x7d /* } */;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

function parseJsonObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function fromJsonObject(json: Record<string, unknown>): ParsedStderrLine {
  const level = levelFromValue(json.level);
  const time = timeFromValue(json.time);
  const messageKey = typeof json.msg === 'string' ? 'msg' : typeof json.message === 'string' ? 'message' : undefined;
  const message = messageKey ? (json[messageKey] as string) : '';

  let fields: Record<string, unknown> | undefined;
  for (const key of Object.keys(json)) {
    if (key === messageKey || ENVELOPE_KEYS_ALWAYS_DROPPED.has(key)) continue;
    if (key === 'level' && level) continue;
    if (key === 'time' && time) continue;
    fields ??= {};
    fields[key] = json[key];
  }

  const parsed: ParsedStderrLine = { level: level ?? 'info', message };
  if (fields) parsed.fields = fields;
  if (time) parsed.time = time;
  return parsed;
}

function fromTextLine(line: string): ParsedStderrLine {
  // includes() first: the replace would copy every line even when it has no escape at all.
  const message = line.includes('\u001b') ? line.replace(ANSI_ESCAPE, '') : line;
  const level: LogLevel = ERROR_LINE_START.test(message) ? 'error' : WARNING_LINE_START.test(message) ? 'warn' : 'info';
  return { level, message };
}
