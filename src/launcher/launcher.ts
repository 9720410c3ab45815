/**
 * mcp-tray-launcher: what an MCP client's config entry runs, as `<our runtime> <this file> <server id>`
 * (see src/core/clients/launch-entry.ts), with MCP_TRAY_CLIENT naming the client.
 *
 * When MCP Tray runs, the launcher is a bridge: it opens a session for the client on the manager's
 * control socket and relays the client's stdio to it (bridge-relay.ts), so every client shares the
 * one supervised server process; it never touches the keychain then. When MCP Tray does not run
 * (after a short wait if it starts at login), it starts the server itself as before
 * (direct-start.ts), and says so on stderr. A manager lost mid-session is waited for and resumed,
 * or replaced by a server of the launcher's own.
 *
 * stdout belongs to JSON-RPC from the first byte: the launcher itself writes only to stderr, which
 * clients keep as the server's log. Built to out/host/mcp-tray-launcher.js by
 * scripts/build-servers.mjs; it finds the bundled servers in ../servers.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../shared/node/data-dir';
import { CLIENT_NAME_VARIABLE } from '../shared/node/session-bus';
import { messageOf } from '../shared/error-message';
import { SERVER_ID_PATTERN } from '../shared/vocabulary';
import { openBridge, type BridgeOpening } from '../surfaces/control-socket/bridge-client';
import type { ResumedHandshakeLine } from '../surfaces/control-socket/bridge-protocol';
import { BridgeRelay, type Upstream } from './bridge-relay';
import { followDirectChild, startDirectChild, startDirectly, type DirectStart } from './direct-start';
import { managerWaitMs, waitForManager } from './manager-wait';
import { SessionTracker } from './session-tracker';
import { readLauncherSettings, type LauncherSettings } from './settings';
import type { ServerChild } from './custom-server';

/**
 * How long a manager that accepted the connection may take to answer the bridge request before the
 * launcher starts the server itself. Short: together with the wait for a manager starting at login
 * it must stay well inside the clients' start-up timeouts (Codex gives a server 10 s).
 */
const BRIDGE_OPEN_TIMEOUT_MS = 4_000;
/** A server of our own that does not stop when its stdin closes is asked to, after this. */
const CHILD_STOP_GRACE_MS = 2_000;
const MAX_CLIENT_NAME_CHARS = 100;

function log(message: string): void {
  process.stderr.write(`MCP Tray launcher: ${message}\n`);
}

/** The client's name from its entry, when it gives a usable one; otherwise the manager goes by the handshake's clientInfo.name. */
function clientNameOf(env: NodeJS.ProcessEnv): string | undefined {
  const name = env[CLIENT_NAME_VARIABLE]?.trim();
  return name !== undefined && name.length > 0 && name.length <= MAX_CLIENT_NAME_CHARS ? name : undefined;
}

function socketUpstream(opening: Extract<BridgeOpening, { kind: 'open' }>): Upstream {
  const { socket } = opening;
  return {
    input: socket,
    output: socket,
    rest: opening.rest,
    ownServer: false,
    end: () => socket.end(),
    onGone: (listener) => {
      if (socket.destroyed) listener();
      else socket.once('close', listener);
    },
  };
}

function childUpstream({ child }: ServerChild): Upstream {
  if (!child.stdin || !child.stdout) throw new Error('the server was started without pipes');
  const { stdin } = child;
  return {
    input: stdin,
    output: child.stdout,
    rest: Buffer.alloc(0),
    ownServer: true,
    end: () => {
      stdin.end();
      setTimeout(() => child.kill('SIGTERM'), CHILD_STOP_GRACE_MS).unref();
    },
    // followDirectChild ends this process with the server.
    onGone: () => {},
  };
}

function refusalSentence(serverId: string, opening: Extract<BridgeOpening, { kind: 'refused' }>): string {
  return `MCP Tray did not open "${serverId}" for this client: ${opening.message}`;
}

/** Why the launcher starts the server itself; `again`: after it lost the manager mid-session. */
function whyDirect(opening: BridgeOpening, again = false): string {
  if (opening.kind === 'failed') return `MCP Tray could not be reached${again ? ' again' : ''} (${opening.reason})`;
  return again ? 'MCP Tray is not running any more' : 'MCP Tray is not running';
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
  const client = clientNameOf(process.env);
  const waitMs = managerWaitMs(process.env);
  const open = (resume?: ResumedHandshakeLine) =>
    openBridge(dataDir, { serverId, ...(client === undefined ? {} : { client }), ...(resume === undefined ? {} : { resume }) }, BRIDGE_OPEN_TIMEOUT_MS);

  let settings: LauncherSettings | undefined;
  const directStart = async (): Promise<DirectStart> => {
    if (settings === undefined) {
      const read = await readLauncherSettings(dataDir);
      if (read.problem !== undefined) log(read.problem);
      settings = read.settings;
    }
    return { serverId, dataDir, serversDir, settings, log };
  };

  let opening = await open();
  if (opening.kind === 'not-running' && (await directStart()).settings.app?.startAtLogin === true && waitMs > 0) {
    log(`MCP Tray is not running yet; waiting up to ${waitMs / 1000} s for it to start.`);
    opening = await waitForManager(() => open(), waitMs);
  }
  if (opening.kind === 'refused') {
    log(refusalSentence(serverId, opening));
    process.exitCode = 1;
    return;
  }
  if (opening.kind !== 'open') {
    await startDirectly(await directStart(), `${whyDirect(opening)}; starting "${serverId}" directly.`);
    return;
  }

  const tracker = new SessionTracker();
  const recover = async (): Promise<Upstream | undefined> => {
    const again = await waitForManager(() => open(tracker.handshake), waitMs);
    if (again.kind === 'open') return socketUpstream(again);
    if (again.kind === 'refused') {
      log(refusalSentence(serverId, again));
      return undefined;
    }
    log(`${whyDirect(again, true)}; starting "${serverId}" directly.`);
    const start = await directStart();
    const server = await startDirectChild(start);
    if (!server) return undefined;
    void followDirectChild(server, start);
    return childUpstream(server);
  };
  new BridgeRelay({ stdin: process.stdin, stdout: process.stdout, tracker, recover, log }).start(socketUpstream(opening));
}

main().catch((error: unknown) => {
  log(`unexpected failure: ${messageOf(error)}`);
  process.exit(1);
});
