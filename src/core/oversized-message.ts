import { ErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { formatMegabytes } from '../shared/message-size';
import type { OversizedLine } from './message-line-reader';

const ID_VALUE = String.raw`(-?\d{1,16}|"(?:[^"\\]|\\.){1,200}")`;
/** `"id":7}` or `"id":7,"jsonrpc":"2.0"}` closing the line, as SDK servers write a response (result first). */
const ID_AT_END = new RegExp(String.raw`"id"\s*:\s*${ID_VALUE}\s*(?:,\s*"jsonrpc"\s*:\s*"2\.0"\s*)?\}\s*$`);
/** `{"jsonrpc":"2.0","id":7,"result"` opening the line, as servers that write the id first do. */
const ID_AT_START = new RegExp(String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*${ID_VALUE}\s*,\s*"(?:result|error)"`);
/** A request or notification of the server's own: there is no call of ours to fail. */
const SERVER_REQUEST = new RegExp(String.raw`^\s*\{\s*(?:"(?:jsonrpc|id)"\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?\d+)\s*,\s*)*"method"`);

interface OversizedReport {
  /** The id of the response that was too large, when it could be read from the line's ends. */
  id: string | number | undefined;
  /** For the call that waited for it: "the response was too large (N MB, limit M MB)...". */
  callMessage: string;
  /** For the log. */
  logMessage: string;
}

/** Tells what an oversized stdout line was, from its two ends only. */
export function describeOversizedLine(line: OversizedLine): OversizedReport {
  const sizes = `${formatMegabytes(line.bytes)}, limit ${formatMegabytes(line.limitBytes)}`;
  const id = SERVER_REQUEST.test(line.head) ? undefined : readId(line);
  return {
    id,
    callMessage: `the response was too large (${sizes}). Raise "Largest message" in Settings if results this large are expected.`,
    logMessage:
      id === undefined
        ? `a message too large to read was dropped (${sizes}): ${line.head.slice(0, 120)}`
        : `the response to request ${JSON.stringify(id)} was too large to read (${sizes}); that call failed`,
  };
}

/** The JSON-RPC error answer that fails the waiting call at once, in place of the response it never gets. */
export function tooLargeErrorResponse(id: string | number, line: OversizedLine, message: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id, error: { code: ErrorCode.InternalError, message, data: { bytes: line.bytes, limitBytes: line.limitBytes } } };
}

function readId(line: OversizedLine): string | number | undefined {
  const token = ID_AT_END.exec(line.tail)?.[1] ?? ID_AT_START.exec(line.head)?.[1];
  if (token === undefined) return undefined;
  // The pattern is looser than JSON (a leading zero, a bad escape): such an id answers no call of ours.
  let value: unknown;
  try {
    value = JSON.parse(token);
  } catch {
    return undefined;
  }
  return typeof value === 'string' || Number.isSafeInteger(value) ? (value as string | number) : undefined;
}
