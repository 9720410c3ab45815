/**
 * Claude Code, user scope: the `mcpServers` key of ~/.claude.json ($CLAUDE_CONFIG_DIR/.claude.json
 * when that is set), strict JSON. Claude Code rewrites that file often (it keeps its own state there),
 * so when its `claude` CLI is installed the registrar changes entries through `claude mcp add-json` /
 * `claude mcp remove` (see claude-code-cli.ts) and only reads the file; without the CLI it edits the
 * file with the same care as every other client's.
 */
import { absolutePathFromEnv, findExecutable, pathApi, type ClientContext } from './client-context';
import { stdioEntry, type McpClient } from './mcp-client';

function configFolder(context: ClientContext): string {
  return absolutePathFromEnv(context, 'CLAUDE_CONFIG_DIR') ?? context.homeDir;
}

/** Where installers put `claude` besides PATH: a GUI app's PATH rarely includes them. */
function extraCliFolders(context: ClientContext): string[] {
  const api = pathApi(context);
  return [api.join(context.homeDir, '.claude', 'local'), api.join(context.homeDir, '.local', 'bin')];
}

/** The `claude` executable, or undefined when Claude Code's CLI is not installed. */
export function findClaudeCodeCli(context: ClientContext): string | undefined {
  // On Windows only a real executable: passing JSON through a .cmd shim means cmd.exe quoting, which mangles it.
  return findExecutable(context, context.platform === 'win32' ? ['claude.exe'] : ['claude'], extraCliFolders(context));
}

export const claudeCode: McpClient = {
  id: 'claude-code',
  name: 'Claude Code',
  restartHint: 'Start a new Claude Code session to load the change (running sessions keep their servers).',
  syntax: 'json',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(configFolder(context), '.claude.json'),
  isDetected: (context) =>
    context.exists(pathApi(context).join(configFolder(context), '.claude.json')) ||
    context.exists(pathApi(context).join(context.homeDir, '.claude')) ||
    findClaudeCodeCli(context) !== undefined,
  createWhenUndetected: false,
  entryFor: stdioEntry,
};
