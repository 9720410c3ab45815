/**
 * Gemini CLI: the user settings file ~/.gemini/settings.json (%USERPROFILE%\.gemini on Windows), servers
 * under `mcpServers` as `{ command, args, env }`. The file holds all of the user's other Gemini CLI
 * settings, which stay byte for byte; Gemini CLI strips comments when it reads it, so it is edited as
 * JSONC and any comment is kept.
 *
 * Checked against "MCP servers with Gemini CLI" (https://geminicli.com/docs/tools/mcp-server/, also
 * google-gemini/gemini-cli docs/tools/mcp-server.md): "Configure MCP servers in your
 * ~/.gemini/settings.json file under the mcpServers object"; a stdio server has `command`, `args`,
 * `env`, `cwd`, `timeout`, `trust`. And "Gemini CLI configuration" (https://geminicli.com/docs/cli/configuration):
 * user settings file at ~/.gemini/settings.json.
 */
import { executableNames, findExecutable, pathApi, type ClientContext } from './client-context';
import { plainEntry, type McpClient } from './mcp-client';

function geminiFolder(context: ClientContext): string {
  return pathApi(context).join(context.homeDir, '.gemini');
}

export const geminiCli: McpClient = {
  id: 'gemini-cli',
  name: 'Gemini CLI',
  restartHint: 'Start Gemini CLI again to load the change; /mcp lists the servers it loaded.',
  syntax: 'jsonc',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(geminiFolder(context), 'settings.json'),
  isDetected: (context) => context.exists(geminiFolder(context)) || findExecutable(context, executableNames(context, 'gemini')) !== undefined,
  createWhenUndetected: false,
  entryFor: plainEntry,
};
