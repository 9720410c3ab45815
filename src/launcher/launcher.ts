/**
 * mcp-tray-launcher: what an MCP client's config entry runs, as `<our runtime> <this file> <server id>`
 * (see src/core/clients/launch-entry.ts). It finds the server in MCP Tray's settings, reads its
 * secrets from the keychain, and runs it: a bundled server inside this very process (its secrets put
 * into process.env, then its built file imported; no second process, so start-up costs almost
 * nothing extra), a custom server as a child on the client's own stdio.
 *
 * stdout belongs to the server's JSON-RPC from the first byte: the launcher itself writes only to
 * stderr, which clients keep as the server's log. Built to out/host/mcp-tray-launcher.js by
 * scripts/build-servers.mjs; it finds the bundled servers in ../servers.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveDataDir } from '../shared/node/data-dir';
import { messageOf } from '../shared/error-message';
import { BUNDLED_SERVERS, SERVER_ID_PATTERN } from '../shared/vocabulary';
import { LAUNCHER_KEYCHAIN_TIMEOUT_MS, readLaunchSecrets } from './keychain';
import { findLaunchDefinition, readLauncherSettings, type LaunchDefinition } from './settings';

/** The built custom-server.ts, next to this file (see scripts/build-servers.mjs). */
const CUSTOM_SERVER_MODULE_FILE = 'mcp-tray-launcher-custom.js';

function log(message: string): void {
  process.stderr.write(`MCP Tray launcher: ${message}\n`);
}

/** Tests shorten the keychain deadline with MCP_TRAY_KEYCHAIN_TIMEOUT_MS; anything unusable means the default. */
function keychainTimeoutMs(env: NodeJS.ProcessEnv): number {
  const requested = Number(env.MCP_TRAY_KEYCHAIN_TIMEOUT_MS);
  return Number.isInteger(requested) && requested >= 100 && requested <= 120_000 ? requested : LAUNCHER_KEYCHAIN_TIMEOUT_MS;
}

async function runBundledInProcess(definition: Extract<LaunchDefinition, { kind: 'bundled' }>, secrets: Record<string, string>): Promise<void> {
  // The server reads its configuration from process.env when its module runs: settings, then secrets, on top of what the client passed.
  Object.assign(process.env, definition.env, secrets);
  try {
    await import(pathToFileURL(definition.entryFile).href);
  } catch (error) {
    log(`could not load the ${definition.id} server from ${definition.entryFile}: ${messageOf(error)}. Reinstall MCP Tray, or rebuild it (npm run build:servers).`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const [serverId, ...extra] = process.argv.slice(2);
  if (serverId === undefined || extra.length > 0 || !SERVER_ID_PATTERN.test(serverId)) {
    log('usage: mcp-tray-launcher <server id>. MCP clients run this from the entry "mcp-tray register" writes.');
    process.exitCode = 2;
    return;
  }
  const launcherFolder = path.dirname(fileURLToPath(import.meta.url));
  const serversDir = path.resolve(launcherFolder, '..', 'servers');
  const dataDir = resolveDataDir(process.env, process.platform, os.homedir());

  const readSecrets = (names: readonly string[]) =>
    readLaunchSecrets(serverId, names, { env: process.env, platform: process.platform, timeoutMs: keychainTimeoutMs(process.env) });
  // A bundled server's secret names are known without the settings: read the keychain while they load.
  const bundled = BUNDLED_SERVERS.find((server) => server.id === serverId);
  const earlySecrets = bundled ? readSecrets(bundled.secretEnv) : undefined;

  const { settings, problem } = await readLauncherSettings(dataDir);
  if (problem !== undefined) log(problem);
  const definition = findLaunchDefinition(settings, serverId, serversDir);
  if (!definition) {
    log(`MCP Tray has no server "${serverId}" (data folder ${dataDir}). Add it in MCP Tray again, or remove this entry with "mcp-tray unregister <client> --servers ${serverId}".`);
    process.exitCode = 1;
    return;
  }

  const secrets = await (earlySecrets ?? readSecrets(definition.secretEnv));
  if (secrets.problem !== undefined) {
    log(`${secrets.problem}. Starting "${definition.id}" without ${definition.secretEnv.join(', ')}; its tools that need a secret will say which one to set in MCP Tray.`);
  }

  if (definition.kind === 'bundled') {
    await runBundledInProcess(definition, secrets.values);
    return;
  }
  // A file of its own (see scripts/build-servers.mjs), loaded only here: a bundled server's start does not pay for it.
  const customServerModule = new URL(`./${CUSTOM_SERVER_MODULE_FILE}`, import.meta.url).href;
  const { runCustomServer } = (await import(customServerModule)) as typeof import('./custom-server');
  const runtime = { execPath: process.execPath, runAsNode: process.versions.electron !== undefined, serversDir };
  await runCustomServer(definition, secrets.values, runtime, log);
}

main().catch((error: unknown) => {
  log(`unexpected failure: ${messageOf(error)}`);
  process.exit(1);
});
