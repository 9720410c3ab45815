/**
 * Zed: its settings file, ~/.config/zed/settings.json on macOS, $XDG_CONFIG_HOME/zed (or ~/.config/zed)
 * on Linux, %APPDATA%\Zed\settings.json on Windows. Servers go under `context_servers` as
 * `{ command, args, env }`: the shape Zed documents now (older versions nested `command: { path,
 * args, env }` next to `source: "custom"`). The file is JSON with comments: every comment is kept.
 *
 * Checked against "Model Context Protocol" in Zed's docs (https://zed.dev/docs/ai/mcp): custom servers
 * are added "directly to your settings file" as `"context_servers": { "local-mcp-server": { "command":
 * "some-command", "args": ["arg-1", "arg-2"], "env": {} } }`.
 */
import { electronAppDataDir, executableNames, findExecutable, pathApi, type ClientContext } from './client-context';
import { plainEntry, type McpClient } from './mcp-client';

function zedFolder(context: ClientContext): string {
  const api = pathApi(context);
  if (context.platform === 'win32') return api.join(electronAppDataDir(context), 'Zed');
  // On macOS Zed uses ~/.config too, not Application Support.
  if (context.platform === 'darwin') return api.join(context.homeDir, '.config', 'zed');
  return api.join(electronAppDataDir(context), 'zed');
}

export const zed: McpClient = {
  id: 'zed',
  name: 'Zed',
  restartHint: 'Zed applies settings changes at once; the server shows under Settings > AI > MCP Servers (restart Zed if it does not).',
  syntax: 'jsonc',
  serversKey: 'context_servers',
  configPath: (context) => pathApi(context).join(zedFolder(context), 'settings.json'),
  isDetected: (context) =>
    context.exists(zedFolder(context)) || findExecutable(context, [...executableNames(context, 'zed'), ...executableNames(context, 'zeditor')]) !== undefined,
  createWhenUndetected: false,
  entryFor: plainEntry,
};
