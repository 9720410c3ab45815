/**
 * The lines the hub writes to a session, in a fixed key order: a response starts
 * `{"jsonrpc":"2.0","id":` and a request has "method" before "id", so the launcher tells a
 * response and its id from the line's start without parsing a large result.
 */
export type JsonRpcId = string | number;

export interface JsonRpcErrorBody {
  code: number;
  message: string;
  data?: unknown;
}

export function resultLine(id: JsonRpcId, result: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', id, result });
}

export function errorLine(id: JsonRpcId | null, error: JsonRpcErrorBody): string {
  const body = error.data === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, data: error.data };
  return JSON.stringify({ jsonrpc: '2.0', id, error: body });
}

export function requestLine(id: JsonRpcId, method: string, params: unknown): string {
  return JSON.stringify(params === undefined ? { jsonrpc: '2.0', method, id } : { jsonrpc: '2.0', method, params, id });
}

export function notificationLine(method: string, params: unknown): string {
  return JSON.stringify(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
}

/** One message a client wrote, sorted by what it is. */
export type IncomingMessage =
  | { kind: 'request'; id: JsonRpcId; method: string; params: Record<string, unknown> | undefined }
  | { kind: 'notification'; method: string; params: Record<string, unknown> | undefined }
  | { kind: 'response'; id: JsonRpcId; result: unknown }
  | { kind: 'error-response'; id: JsonRpcId | null; error: JsonRpcErrorBody }
  | { kind: 'invalid'; id: JsonRpcId | null; message: string };

/** The messages of one line: one, or each of a batch. */
export function parseLine(line: string): IncomingMessage[] {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return [{ kind: 'invalid', id: null, message: 'Parse error: the line is not JSON.' }];
  }
  if (Array.isArray(value)) return value.length === 0 ? [{ kind: 'invalid', id: null, message: 'Invalid request: an empty batch.' }] : value.map(sortMessage);
  return [sortMessage(value)];
}

function sortMessage(value: unknown): IncomingMessage {
  if (!isRecord(value) || value.jsonrpc !== '2.0') return { kind: 'invalid', id: idOf(value), message: 'Invalid request: not a JSON-RPC 2.0 message.' };
  const id = idOf(value);
  const params = value.params;
  if (params !== undefined && !isRecord(params)) return { kind: 'invalid', id, message: 'Invalid request: params must be an object.' };
  if (typeof value.method === 'string') {
    if (id === null) return 'id' in value ? { kind: 'invalid', id: null, message: 'Invalid request: the id must be a string or a number.' } : { kind: 'notification', method: value.method, params };
    return { kind: 'request', id, method: value.method, params };
  }
  if (id !== null && 'result' in value) return { kind: 'response', id, result: value.result };
  if ('error' in value && isRecord(value.error) && typeof value.error.code === 'number') {
    const { code, message, data } = value.error;
    return { kind: 'error-response', id, error: { code, message: typeof message === 'string' ? message : '', ...(data === undefined ? {} : { data }) } };
  }
  return { kind: 'invalid', id, message: 'Invalid request: neither a request, a notification nor a response.' };
}

function idOf(value: unknown): JsonRpcId | null {
  if (!isRecord(value)) return null;
  return typeof value.id === 'string' || typeof value.id === 'number' ? value.id : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
