/** A call from the history written out to run elsewhere: as an mcp-tray command, or as the JSON-RPC request. */

/** Characters a POSIX shell never treats specially in a word. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One word for a POSIX shell: as it is when nothing in it is special, else in single quotes,
 * inside which nothing is special but the quote itself, written as '\'' (close, escaped quote, open).
 */
export function shellQuote(word: string): string {
  if (PLAIN_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `mcp-tray call <id> <tool> --json '{...}'` (see src/host/commands/tools.ts): arguments as
 * --json, exactly as sent, since name=value words would read "3" as a number.
 */
export function callAsCommand(serverId: string, toolName: string, args: Record<string, unknown>): string {
  const words = ['mcp-tray', 'call', serverId, toolName];
  if (Object.keys(args).length > 0) words.push('--json', JSON.stringify(args));
  return words.map(shellQuote).join(' ');
}

/** The tools/call request a client sends for this call (MCP 2025-11-25, Server > Tools > Calling Tools). */
export function callAsJsonRpc(toolName: string, args: Record<string, unknown>, id: number | string = 1): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: toolName, arguments: args } }, null, 2);
}
