/**
 * The launcher's one keychain read: a server's secrets, by the same service and account names the
 * manager uses (`<serverId>/<ENV_NAME>` under MCP_TRAY_KEYCHAIN_SERVICE or "MCP Tray"), before the
 * server starts. Failure of any kind is not fatal: the server starts without the secret and its own
 * tools say which one to set. KeytarSecretStore is not reused because secrets.ts imports the
 * contract, and with it the MCP SDK's schemas, which would add their load time to every start.
 *
 * A keychain call that times out is still running in a native thread, and a process cannot exit
 * normally until that thread returns (libuv joins its threads on exit; a stuck Secret Service keeps it
 * there for tens of seconds). So while such a call is outstanding, exiting ends the process with
 * SIGKILL instead: a client that closed our stdin must not wait for the keychain.
 */
import fs from 'node:fs';
import { resolveLauncherBusAddress } from '../shared/node/session-bus';
import { resolveKeychainService } from '../shared/node/data-dir';
import { importKeytar } from '../shared/node/keytar-module';
import { keychainAccount } from '../shared/vocabulary';
import { reasonOf } from '../shared/error-message';

/** A locked keychain may be waiting for its password; clients give a server far longer than this to start. */
export const LAUNCHER_KEYCHAIN_TIMEOUT_MS = 10_000;

type KeytarReader = { getPassword(service: string, account: string): Promise<string | null> };

let callsInNativeCode = 0;
let exitGuardInstalled = false;

function installExitGuard(): void {
  if (exitGuardInstalled) return;
  exitGuardInstalled = true;
  process.on('exit', () => {
    if (callsInNativeCode > 0) process.kill(process.pid, 'SIGKILL');
  });
}

function isSocket(socketPath: string): boolean {
  try {
    return fs.statSync(socketPath).isSocket();
  } catch {
    return false;
  }
}

async function loadKeytar(): Promise<KeytarReader> {
  const api = await importKeytar();
  if (typeof api !== 'object' || api === null || typeof (api as Record<string, unknown>).getPassword !== 'function') {
    throw new Error('the keytar module has no getPassword');
  }
  return api as KeytarReader;
}

interface LaunchSecrets {
  values: Record<string, string>;
  /** Why some or all secrets could not be read; the launcher logs it to stderr. */
  problem?: string;
}

interface ReadLaunchSecretsOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  timeoutMs: number;
}

/**
 * Reads the named secrets of one server. On Linux it first points libsecret at a session bus
 * (session-bus.ts): the one passed on, the one recorded at registration, or the conventional one.
 */
export async function readLaunchSecrets(serverId: string, names: readonly string[], options: ReadLaunchSecretsOptions): Promise<LaunchSecrets> {
  if (names.length === 0) return { values: {} };
  if (options.platform !== 'darwin' && options.platform !== 'win32') {
    const address = resolveLauncherBusAddress(options.env, process.getuid?.(), isSocket);
    if (address === undefined) {
      // Without an address GDBus would try X11 autolaunch and could start a stray dbus-daemon.
      return { values: {}, problem: 'the keychain cannot be reached: no D-Bus session bus was found (DBUS_SESSION_BUS_ADDRESS is not set and /run/user/<uid>/bus does not exist)' };
    }
    process.env.DBUS_SESSION_BUS_ADDRESS = address;
  }
  let keytar: KeytarReader;
  try {
    keytar = await loadKeytar();
  } catch (error) {
    return { values: {}, problem: `the keychain module (keytar) could not be loaded: ${reasonOf(error)}` };
  }

  const service = resolveKeychainService(options.env);
  const values: Record<string, string> = {};
  let abandoned = false;
  installExitGuard();
  callsInNativeCode += 1;
  const reading = (async () => {
    try {
      for (const name of names) {
        // After a timeout, do not start another call that could hang a second thread.
        if (abandoned) return;
        const value = await keytar.getPassword(service, keychainAccount(serverId, name));
        if (value !== null && value !== '') values[name] = value;
      }
    } finally {
      callsInNativeCode -= 1;
    }
  })();

  let timer: NodeJS.Timeout | undefined;
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`it did not answer within ${seconds} s (it may be locked and waiting for a password, or stuck)`), options.timeoutMs);
  });
  const problem = await Promise.race([reading.then(() => undefined, (error: unknown) => `it reported "${reasonOf(error)}"`), deadline]);
  clearTimeout(timer);
  if (problem !== undefined) {
    abandoned = true;
    return { values: {}, problem: `the keychain (service "${service}") could not be read: ${problem}` };
  }
  return { values };
}
