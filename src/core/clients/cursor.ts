/** Cursor: the global ~/.cursor/mcp.json (%USERPROFILE%\.cursor on Windows), key `mcpServers`, strict JSON. */
import { pathApi } from './client-context';
import { plainEntry, type McpClient } from './mcp-client';

export const cursor: McpClient = {
  id: 'cursor',
  name: 'Cursor',
  restartHint: 'Restart Cursor (or turn the server off and on in Cursor Settings > MCP) to load the change.',
  syntax: 'json',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(context.homeDir, '.cursor', 'mcp.json'),
  isDetected: (context) => context.exists(pathApi(context).join(context.homeDir, '.cursor')),
  createWhenUndetected: false,
  entryFor: plainEntry,
};
