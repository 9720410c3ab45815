/**
 * Starting a server without the manager, as the launcher did before the bridge: it reads the
 * server's secrets from the keychain itself, then runs a bundled server inside this very process
 * (its secrets put into process.env, then its built file imported: no second process) and a custom
 * server as a child on the client's own stdio. When the manager goes away mid-session, the server
 * is started as a child with pipes instead, so the launcher can keep relaying.
 */
import { pathToFileURL } from 'node:url';
import { messageOf } from '../shared/error-message';
import { LAUNCHER_KEYCHAIN_TIMEOUT_MS, readLaunchSecrets } from './keychain';
import { findLaunchDefinition, type LaunchDefinition, type LauncherSettings } from './settings';
import type { ServerChild } from './custom-server';

/** The built custom-server.ts, next to the launcher (see scripts/build-servers.mjs). */
const CUSTOM_SERVER_MODULE_FILE = 'mcp-tray-launcher-custom.js';

export interface DirectStart {
  serverId: string;
  dataDir: string;
  /** Where the built bundled servers are. */
  serversDir: string;
  settings: LauncherSettings;
  log: (message: string) => void;
}

/** Tests shorten the keychain deadline with MCP_TRAY_KEYCHAIN_TIMEOUT_MS; anything unusable means the default. */
function keychainTimeoutMs(env: NodeJS.ProcessEnv): number {
  const requested = Number(env.MCP_TRAY_KEYCHAIN_TIMEOUT_MS);
  return Number.isInteger(requested) && requested >= 100 && requested <= 120_000 ? requested : LAUNCHER_KEYCHAIN_TIMEOUT_MS;
}

/** The server's definition and secrets, or undefined (said on stderr, exit code set) when MCP Tray has no such server. */
async function prepare(start: DirectStart): Promise<{ definition: LaunchDefinition; secrets: Record<string, string> } | undefined> {
  const { serverId, dataDir, log } = start;
  const definition = findLaunchDefinition(start.settings, serverId, start.serversDir);
  if (!definition) {
    log(`MCP Tray has no server "${serverId}" (data folder ${dataDir}). Add it in MCP Tray again, or remove this entry with "mcp-tray unregister <client> --servers ${serverId}".`);
    process.exitCode = 1;
    return undefined;
  }
  const secrets = await readLaunchSecrets(serverId, definition.secretEnv, { env: process.env, platform: process.platform, timeoutMs: keychainTimeoutMs(process.env) });
  if (secrets.problem !== undefined) {
    log(`${secrets.problem}. Starting "${definition.id}" without ${definition.secretEnv.join(', ')}; its tools that need a secret will say which one to set in MCP Tray.`);
  }
  return { definition, secrets: secrets.values };
}

async function loadChildSupport(): Promise<typeof import('./custom-server')> {
  // A file of its own (see scripts/build-servers.mjs), loaded only here: a bundled server's start does not pay for it.
  return (await import(new URL(`./${CUSTOM_SERVER_MODULE_FILE}`, import.meta.url).href)) as typeof import('./custom-server');
}

function runtimeFor(serversDir: string) {
  return { execPath: process.execPath, runAsNode: process.versions.electron !== undefined, serversDir };
}

async function runBundledInProcess(definition: Extract<LaunchDefinition, { kind: 'bundled' }>, secrets: Record<string, string>, log: (message: string) => void): Promise<void> {
  // The server reads its configuration from process.env when its module runs: settings, then secrets, on top of what the client passed.
  Object.assign(process.env, definition.env, secrets);
  try {
    await import(pathToFileURL(definition.entryFile).href);
  } catch (error) {
    log(`could not load the ${definition.id} server from ${definition.entryFile}: ${messageOf(error)}. Reinstall MCP Tray, or rebuild it (npm run build:servers).`);
    process.exitCode = 1;
  }
}

/** Runs the server on the client's own stdio, for good. `announce` is said first, once the server is known. */
export async function startDirectly(start: DirectStart, announce: string): Promise<void> {
  const prepared = await prepare(start);
  if (!prepared) return;
  start.log(announce);
  const { definition, secrets } = prepared;
  if (definition.kind === 'bundled') return runBundledInProcess(definition, secrets, start.log);
  const { runCustomServer } = await loadChildSupport();
  await runCustomServer(definition, secrets, runtimeFor(start.serversDir), start.log);
}

/** The server as a child on pipes, or undefined (said on stderr) when it cannot be started. */
export async function startDirectChild(start: DirectStart): Promise<ServerChild | undefined> {
  const prepared = await prepare(start);
  if (!prepared) return undefined;
  const { spawnServerChild } = await loadChildSupport();
  return spawnServerChild(prepared.definition, prepared.secrets, runtimeFor(start.serversDir), 'pipe');
}

export async function followDirectChild(server: ServerChild, start: DirectStart): Promise<never> {
  const { followServerChild } = await loadChildSupport();
  return followServerChild(server, start.serverId, start.log);
}
