/**
 * How a server's process is started, the same way by the manager and by a client-started launcher:
 * which runtime runs JavaScript, and the environment the server gets.
 */
import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ServerDefinition } from '../contract';

/** How the manager runs JavaScript: node itself, or Electron acting as node. */
export interface Runtime {
  execPath: string;
  /** True under Electron: children need ELECTRON_RUN_AS_NODE=1 to behave as plain node. */
  runAsNode: boolean;
  /** Folder holding the built bundled servers (weather.js, github.js). */
  serversDir: string;
}

// A GUI app on macOS starts with a bare PATH; these are where npx, uvx and friends usually live.
const EXTRA_PATH_DIRS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/opt/homebrew/bin', '/usr/local/bin', '/usr/bin', '/bin'],
  linux: ['/usr/local/bin', '/usr/bin', '/bin'],
};

/**
 * The environment a server starts with: the SDK's minimal safe set (not the manager's whole
 * environment), the runtime switch, the server's own settings, then its secrets.
 */
export function buildServerEnv(
  definition: ServerDefinition,
  runtime: Runtime,
  secrets: Record<string, string>,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const env: Record<string, string> = { ...getDefaultEnvironment() };
  const separator = platform === 'win32' ? ';' : ':';
  const pathDirs = (env.PATH ?? '').split(separator).filter(Boolean);
  for (const dir of EXTRA_PATH_DIRS[platform] ?? []) if (!pathDirs.includes(dir)) pathDirs.push(dir);
  env.PATH = pathDirs.join(separator);
  if (definition.kind === 'bundled' && runtime.runAsNode) env.ELECTRON_RUN_AS_NODE = '1';
  return { ...env, ...definition.env, ...secrets };
}
