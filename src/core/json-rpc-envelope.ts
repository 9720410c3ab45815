import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { isPlainObject } from '../shared/plain-object';

/**
 * Recognises a JSON-RPC message in a parsed stdout line. Every tool call's answer passes here, so
 * the everyday shapes (a result, a request, a notification) are checked by hand, exactly as
 * strictly as the SDK's schema; anything else (errors, `_meta`, odd keys) goes through the schema.
 * Returns undefined for what is not JSON-RPC.
 */
export function asJsonRpcMessage(value: unknown): JSONRPCMessage | undefined {
  if (isEverydayMessage(value)) return value as JSONRPCMessage;
  const parsed = JSONRPCMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function isEverydayMessage(value: unknown): boolean {
  if (!isPlainObject(value) || value.jsonrpc !== '2.0') return false;
  let keys = 0;
  for (const key in value) {
    if (key !== 'jsonrpc' && key !== 'id' && key !== 'method' && key !== 'params' && key !== 'result') return false;
    keys++;
  }
  const hasId = 'id' in value;
  if (hasId && !isRequestId(value.id)) return false;
  if ('result' in value) return hasId && keys === 3 && isEverydayBody(value.result);
  if (typeof value.method !== 'string') return false;
  const expectedKeys = (hasId ? 3 : 2) + ('params' in value ? 1 : 0);
  if (keys !== expectedKeys) return false;
  return !('params' in value) || isEverydayBody(value.params);
}

/** A result or params object the schema would take as it is: `_meta` and an own `__proto__` get the schema's care. */
function isEverydayBody(body: unknown): boolean {
  return isPlainObject(body) && !('_meta' in body) && !Object.hasOwn(body, '__proto__');
}

function isRequestId(id: unknown): boolean {
  return typeof id === 'string' || Number.isSafeInteger(id);
}
