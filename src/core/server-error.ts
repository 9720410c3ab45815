import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { ContractError } from '../shared/contract';
import { mcpErrorText } from './mcp-error-text';

/** A contract error that keeps what caused it (the server's own JSON-RPC error, a timeout) reachable. */
export function withCause(error: ContractError, cause: unknown): ContractError {
  error.cause = cause;
  return error;
}

/** The server's JSON-RPC error behind a failed call, when it gave one. */
export function serverErrorOf(error: unknown): McpError | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof McpError) return cause;
  return error instanceof McpError ? error : undefined;
}

/** A server's error as a contract error, its "MCP error <code>:" prefix said once. */
export function rethrowSaidOnce(error: unknown): never {
  throw error instanceof ContractError ? error : new ContractError('failed', mcpErrorText(error));
}
