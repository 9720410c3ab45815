/**
 * Claude Desktop: `claude_desktop_config.json`, key `mcpServers`, strict JSON.
 * macOS ~/Library/Application Support/Claude; Windows %APPDATA%\Claude, or for the Microsoft Store
 * (MSIX) build the package's private copy under %LOCALAPPDATA%\Packages\Claude_<publisher id>\LocalCache\Roaming\Claude;
 * Linux (community builds) $XDG_CONFIG_HOME/Claude or ~/.config/Claude.
 */
import path from 'node:path';
import { electronAppDataDir, pathApi, windowsLocalAppData, type ClientContext } from './client-context';
import { plainEntry, type McpClient } from './mcp-client';

const CONFIG_FILE_NAME = 'claude_desktop_config.json';

/**
 * The MSIX build's folder, when that build is installed. An MSIX app's writes to %APPDATA% land in
 * its package's LocalCache and its reads look there first, so that copy is the one Claude reads.
 */
function msixClaudeFolder(context: ClientContext): string | undefined {
  const packages = path.win32.join(windowsLocalAppData(context), 'Packages');
  const packageName = context.listDir(packages).filter((name) => /^Claude_[A-Za-z0-9]+$/.test(name)).sort()[0];
  return packageName === undefined ? undefined : path.win32.join(packages, packageName, 'LocalCache', 'Roaming', 'Claude');
}

function claudeFolder(context: ClientContext): string {
  if (context.platform === 'win32') {
    const msix = msixClaudeFolder(context);
    if (msix !== undefined) return msix;
  }
  return pathApi(context).join(electronAppDataDir(context), 'Claude');
}

export const claudeDesktop: McpClient = {
  id: 'claude-desktop',
  name: 'Claude Desktop',
  restartHint: 'Quit Claude Desktop fully and open it again to load the change.',
  syntax: 'json',
  serversKey: 'mcpServers',
  configPath: (context) => pathApi(context).join(claudeFolder(context), CONFIG_FILE_NAME),
  isDetected: (context) => context.exists(claudeFolder(context)),
  createWhenUndetected: true,
  entryFor: plainEntry,
};
