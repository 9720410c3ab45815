/** Windsurf: ~/.codeium/windsurf/mcp_config.json (%USERPROFILE%\.codeium\windsurf on Windows), key `mcpServers`, strict JSON. */
import { pathApi } from './client-context';
import { plainEntry, type McpClient } from './mcp-client';

export const windsurf: McpClient = {
  id: 'windsurf',
  name: 'Windsurf',
  restartHint: "Press the refresh button in Windsurf's MCP servers panel (or restart Windsurf) to load the change.",
  syntax: 'json',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(context.homeDir, '.codeium', 'windsurf', 'mcp_config.json'),
  isDetected: (context) => context.exists(pathApi(context).join(context.homeDir, '.codeium', 'windsurf')),
  createWhenUndetected: false,
  entryFor: plainEntry,
};
