import pino, { type Logger } from 'pino';
import { createRedactor } from '../../shared/redact';
import { requestLogFields } from './remote/request-context';

export interface ServerLoggerOptions {
  /** Values that must never appear in a log line, e.g. the token the server was given. */
  secrets?: Iterable<string>;
  level?: string;
}

/**
 * JSON lines on stderr (fd 2), written synchronously so nothing is lost on exit.
 * stdout belongs to JSON-RPC alone.
 */
export function createServerLogger(server: string, options: ServerLoggerOptions = {}): Logger {
  const redact = createRedactor(options.secrets);
  return pino(
    {
      name: server,
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      base: { pid: process.pid },
      hooks: { streamWrite: redact },
      // In HTTP mode, every line written while a request runs carries its correlation id and caller.
      mixin: requestLogFields,
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
