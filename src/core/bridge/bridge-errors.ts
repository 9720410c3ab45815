import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { ContractError } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { mcpErrorText } from '../mcp-error-text';
import { serverErrorOf } from '../server-error';
import type { JsonRpcErrorBody } from './json-rpc-lines';

/**
 * The JSON-RPC error a bridged client gets for a request that failed: the server's own error
 * (code, message, data) when it answered with one, else what happened in words.
 */
export function jsonRpcErrorOf(error: unknown, serverId: string): JsonRpcErrorBody {
  if (error instanceof JsonRpcFailure) return error.body;
  if (error instanceof ContractError && error.code === 'timeout') return { code: ErrorCode.RequestTimeout, message: error.message };
  const serverError = serverErrorOf(error);
  if (serverError?.code === ErrorCode.ConnectionClosed) {
    return { code: ErrorCode.InternalError, message: `Server "${serverId}" stopped while this request was running; MCP Tray restarts it. Try again in a moment.` };
  }
  if (serverError) {
    const message = mcpErrorText(serverError).replace(/^MCP error -?\d+: /, '');
    return { code: serverError.code, message, ...(serverError.data === undefined ? {} : { data: serverError.data }) };
  }
  if (error instanceof ContractError) {
    return { code: error.code === 'invalid_input' || error.code === 'not_found' ? ErrorCode.InvalidParams : ErrorCode.InternalError, message: error.message };
  }
  return { code: ErrorCode.InternalError, message: messageOf(error) };
}

/** A request the hub answers with this JSON-RPC error itself. */
export class JsonRpcFailure extends Error {
  constructor(readonly body: JsonRpcErrorBody) {
    super(body.message);
  }
}

/**
 * The error a client answered the server's request with, passed back as it came: an object with
 * the client's code and message (an McpError would put "MCP error <code>:" before the message).
 */
export function clientAnswerError(body: JsonRpcErrorBody): Error {
  return Object.assign(new Error(body.message), { code: body.code, ...(body.data === undefined ? {} : { data: body.data }) });
}
