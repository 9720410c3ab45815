import { writeSync } from 'node:fs';
import { createRedactor } from '../../shared/redact';
import { requestLogFields } from './remote/request-context';

export type LogFields = Record<string, unknown>;

interface LogMethod {
  (fields: LogFields, message?: string): void;
  (message: string): void;
}

/** What the servers log through; the line format is pino's, so existing log tooling reads it. */
export interface ServerLogger {
  trace: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  fatal: LogMethod;
  /** A logger whose every line also carries `bindings`. */
  child(bindings: LogFields): ServerLogger;
}

export interface ServerLoggerOptions {
  /** Values that must never appear in a log line, e.g. the token the server was given. */
  secrets?: Iterable<string>;
  level?: string;
  /** Where finished lines go; stderr (fd 2) unless a test collects them. */
  write?: (line: string) => void;
}

/** pino's numeric levels, so a line reads the same as before to whatever parses it. */
const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
type LevelName = keyof typeof LEVELS;

function thresholdOf(level: string): number {
  if (level === 'silent') return Number.POSITIVE_INFINITY;
  return LEVELS[level as LevelName] ?? LEVELS.info;
}

/**
 * A value ready for JSON.stringify: an error as pino's standard serializer writes it (its class,
 * message, stack, own fields and cause), a bigint as its digits, and a reference back to an
 * enclosing object as "[Circular]". The same object twice side by side is written twice.
 */
function loggable(value: unknown, ancestors: object[]): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[Circular]';
  const inside = [...ancestors, value];
  if (Array.isArray(value)) return value.map((item: unknown) => loggable(item, inside));
  // A Date, a URL and the like say themselves how they are written.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const source: Record<string, unknown> =
    value instanceof Error ? { ...(value as object), type: value.constructor.name, message: value.message, stack: value.stack } : (value as Record<string, unknown>);
  if (value instanceof Error && value.cause !== undefined) source.cause = value.cause;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) result[key] = loggable(item, inside);
  return result;
}

/**
 * JSON lines on stderr (fd 2), written synchronously so nothing is lost on exit; stdout belongs to
 * JSON-RPC alone. A few dozen lines of our own rather than pino: pino was a tenth of what a server
 * compiled and ran before it could answer its first message, for features these servers never use.
 */
export function createServerLogger(server: string, options: ServerLoggerOptions = {}): ServerLogger {
  const redact = createRedactor(options.secrets);
  const threshold = thresholdOf(options.level ?? process.env.LOG_LEVEL ?? 'info');
  const write = options.write ?? ((line: string) => writeSync(2, line));
  const base = { pid: process.pid, name: server };

  const loggerWith = (bindings: LogFields): ServerLogger => {
    const method = (level: LevelName): LogMethod => {
      const value = LEVELS[level];
      if (value < threshold) return () => {};
      return (fieldsOrMessage: LogFields | string, message?: string) => {
        const fields = typeof fieldsOrMessage === 'string' ? undefined : fieldsOrMessage;
        const msg = typeof fieldsOrMessage === 'string' ? fieldsOrMessage : message;
        // In HTTP mode, every line written while a request runs carries its correlation id and caller.
        const record: LogFields = { level: value, time: new Date().toISOString(), ...base, ...requestLogFields(), ...bindings, ...fields };
        if (msg !== undefined) record.msg = msg;
        write(redact(`${JSON.stringify(loggable(record, []))}\n`));
      };
    };
    return {
      trace: method('trace'),
      debug: method('debug'),
      info: method('info'),
      warn: method('warn'),
      error: method('error'),
      fatal: method('fatal'),
      child: (more) => loggerWith({ ...bindings, ...more }),
    };
  };
  return loggerWith({});
}
