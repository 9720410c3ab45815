import { messageOf } from '../shared/error-message';

/**
 * The text of an error from an MCP server, said once. The SDK's McpError puts "MCP error <code>: "
 * before its message, and a server built on the SDK sends that whole text as its JSON-RPC error
 * message, so the client's McpError around it says "MCP error -32602: MCP error -32602: ...".
 */
export function mcpErrorText(error: unknown): string {
  return messageOf(error).replace(/^(MCP error -?\d+: )(?:MCP error -?\d+: )+/, '$1');
}
