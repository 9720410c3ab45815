/**
 * VS Code's own (local) format: the user-level mcp.json in its User folder (macOS ~/Library/Application
 * Support/Code/User, Windows %APPDATA%\Code\User, Linux $XDG_CONFIG_HOME/Code/User or ~/.config/Code/User).
 * Key `servers`, entries with `type: "stdio"`; the file is JSONC, so comments and trailing commas are
 * allowed and every one of them is kept. VS Code's MCP configuration reference now calls this format
 * deprecated: Copilot reads the portable file (copilot.ts) directly and VS Code forwards this one's
 * servers to it, so a server in both shows twice.
 */
import { electronAppDataDir, pathApi, type ClientContext } from './client-context';
import { stdioEntry, type McpClient } from './mcp-client';

function userFolder(context: ClientContext): string {
  return pathApi(context).join(electronAppDataDir(context), 'Code', 'User');
}

export const vscode: McpClient = {
  id: 'vscode',
  name: 'VS Code (local mcp.json)',
  restartHint: 'VS Code reloads mcp.json by itself; if a server does not start, start it from "MCP: List Servers" in the Command Palette.',
  syntax: 'jsonc',
  serversKey: 'servers',
  configPath: (context) => pathApi(context).join(userFolder(context), 'mcp.json'),
  isDetected: (context) => context.exists(userFolder(context)),
  createWhenUndetected: false,
  entryFor: stdioEntry,
};
