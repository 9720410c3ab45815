import { getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import path from 'node:path';
import { BUNDLED_SERVERS } from '../shared/vocabulary';
import type { CustomServer, ServerDefinition } from '../shared/contract';
import type { PersistedSettings } from './settings';

/** How the manager runs JavaScript: node itself, or Electron acting as node. */
export interface Runtime {
  execPath: string;
  /** True under Electron: children need ELECTRON_RUN_AS_NODE=1 to behave as plain node. */
  runAsNode: boolean;
  /** Folder holding the built bundled servers (weather.js, github.js). */
  serversDir: string;
}

export function isBundledId(id: string): boolean {
  return BUNDLED_SERVERS.some((server) => server.id === id);
}

/** Every server the manager knows, bundled first, with the user's overrides applied. */
export function listDefinitions(settings: PersistedSettings, runtime: Runtime): ServerDefinition[] {
  const bundled = BUNDLED_SERVERS.map((server): ServerDefinition => {
    const overrides = settings.servers[server.id];
    return {
      id: server.id,
      name: server.name,
      description: server.description,
      kind: 'bundled',
      command: runtime.execPath,
      args: [path.join(runtime.serversDir, `${server.id}.js`)],
      env: overrides?.env ?? {},
      secretEnv: [...server.secretEnv],
      enabled: overrides?.enabled ?? true,
      autostart: overrides?.autostart ?? true,
    };
  });
  return [...bundled, ...settings.customServers.map(customDefinition)];
}

/** A definition that callers may share but not edit: its args, env and secretEnv are frozen too. */
export function frozenDefinition(definition: ServerDefinition): ServerDefinition {
  Object.freeze(definition.args);
  Object.freeze(definition.env);
  Object.freeze(definition.secretEnv);
  return Object.freeze(definition);
}

export function customDefinition(server: CustomServer): ServerDefinition {
  return {
    id: server.id,
    name: server.name,
    description: [server.command, ...server.args].join(' '),
    kind: 'custom',
    command: server.command,
    args: server.args,
    env: server.env,
    secretEnv: server.secretEnv,
    enabled: server.enabled,
    autostart: server.autostart,
  };
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
