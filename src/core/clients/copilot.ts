/**
 * GitHub Copilot's portable MCP file, shared by VS Code's Copilot agent and the Copilot CLI:
 * $COPILOT_HOME/mcp-config.json, else ~/.copilot/mcp-config.json (%USERPROFILE%\.copilot on Windows).
 * Key `mcpServers`; entries `{ type: "stdio", command, args, env, tools: ["*"] }`; strict JSON.
 *
 * Checked against VS Code's "MCP configuration reference"
 * (https://code.visualstudio.com/docs/agents/reference/mcp-configuration.md, approved 11/25/2026):
 * "The portable Copilot format is stored in .mcp.json at the root of your workspace or in
 * $COPILOT_HOME/mcp-config.json for your user, with ~/.copilot/mcp-config.json as the fallback
 * location. It defines servers in a top-level mcpServers object." VS Code's reference spells a stdio
 * server's type "stdio"; the Copilot CLI and SDK also accept their older "local" for the same thing
 * (docs.github.com, "Using MCP servers with the Copilot SDK"), so we write "stdio" and an entry of
 * ours that says "local" is refreshed to it. `tools: ["*"]` lets Copilot call every tool.
 */
import { absolutePathFromEnv, executableNames, findExecutable, pathApi, type ClientContext } from './client-context';
import type { LaunchCommand } from './launch-entry';
import { stdioEntry, type McpClient } from './mcp-client';
import { vscode } from './vscode';

function copilotHome(context: ClientContext): string {
  return absolutePathFromEnv(context, 'COPILOT_HOME') ?? pathApi(context).join(context.homeDir, '.copilot');
}

function copilotEntry(launch: LaunchCommand): Record<string, unknown> {
  return { ...stdioEntry(launch), tools: ['*'] };
}

export const copilot: McpClient = {
  id: 'copilot',
  name: 'GitHub Copilot (VS Code and Copilot CLI)',
  restartHint: 'Start a new Copilot session (a new chat in VS Code, or run copilot again) to load the change.',
  syntax: 'json',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(copilotHome(context), 'mcp-config.json'),
  // VS Code's Copilot agent reads this file too, so an installed VS Code counts.
  isDetected: (context) => context.exists(copilotHome(context)) || findExecutable(context, executableNames(context, 'copilot')) !== undefined || vscode.isDetected(context),
  createWhenUndetected: false,
  entryFor: copilotEntry,
};
