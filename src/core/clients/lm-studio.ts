/**
 * LM Studio: mcp.json in LM Studio's home folder, key `mcpServers`, `{ command, args, env }` ("LM
 * Studio currently follows Cursor's mcp.json notation"), strict JSON.
 *
 * Checked against "Use MCP Servers" in LM Studio's docs (https://lmstudio.ai/docs/app/mcp, and the LM
 * Studio 0.3.17 release notes): "mcp.json lives in ~/.lmstudio/mcp.json on macOS and Linux, and in
 * %USERPROFILE%/.lmstudio/mcp.json on Windows." Installs that keep LM Studio's home in the older
 * ~/.cache/lm-studio hold their mcp.json there instead (lmstudio-bug-tracker #1371 and #2410), so that
 * folder is used when it exists and the documented one does not.
 */
import { pathApi, type ClientContext } from './client-context';
import { plainEntry, type McpClient } from './mcp-client';

function documentedHome(context: ClientContext): string {
  return pathApi(context).join(context.homeDir, '.lmstudio');
}

function legacyHome(context: ClientContext): string {
  return pathApi(context).join(context.homeDir, '.cache', 'lm-studio');
}

function lmStudioHome(context: ClientContext): string {
  return !context.exists(documentedHome(context)) && context.exists(legacyHome(context)) ? legacyHome(context) : documentedHome(context);
}

export const lmStudio: McpClient = {
  id: 'lm-studio',
  name: 'LM Studio',
  restartHint: 'LM Studio reloads mcp.json when it is saved; if the server does not show under Program > Integrations, restart LM Studio.',
  syntax: 'json',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(lmStudioHome(context), 'mcp.json'),
  isDetected: (context) => context.exists(documentedHome(context)) || context.exists(legacyHome(context)),
  createWhenUndetected: false,
  entryFor: plainEntry,
};
