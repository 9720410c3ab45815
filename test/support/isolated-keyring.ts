/**
 * A throwaway keychain for tests on Linux: a private D-Bus session bus (no service activation, so
 * nothing real can be started on it) and a gnome-keyring-daemon on that bus whose HOME, XDG folders
 * and runtime folder are fresh temp folders, so it creates and unlocks its own "login" keyring there.
 * It can never reach a user's real keyring: nothing inherits the user's D-Bus address or runtime folder.
 *
 * vitest's globalSetup (test/global-setup.ts) starts one for the whole run with
 * `installTestKeychainForRun()` and points this process's environment at it before any worker
 * starts, so every worker and every child process that inherits the environment uses it.
 * Tests that need it call `requireTestKeychain()`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Set by installTestKeychainForRun: "ready", "system" (macOS/Windows: the OS keychain), or why it could not start. */
export const TEST_KEYCHAIN_STATUS_VARIABLE = 'MCP_TRAY_TEST_KEYCHAIN';

const REQUIRED_TOOLS = ['dbus-daemon', 'dbus-send', 'gnome-keyring-daemon'] as const;
export const INSTALL_HINT =
  'Install them with "apt-get install gnome-keyring dbus dbus-x11" (CI does this in .ci/); the keychain tests need a real Secret Service.';
const STARTUP_TIMEOUT_MS = 15_000;

export interface IsolatedKeyring {
  /** What a process needs in its environment to use this keyring, and nothing else. */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  /** A service name no real entry uses, e.g. "MCP Tray test 3f9a1c2b". */
  keychainService: string;
  /** The gnome-keyring-daemon, so a test can freeze it (SIGSTOP) to play a hung Secret Service; undefined for a bare bus. */
  secretServicePid: number | undefined;
  stop(): Promise<void>;
}

export interface StartIsolatedKeyringOptions {
  /** false: only the bus, no Secret Service on it (what a headless machine without gnome-keyring looks like). */
  secretService?: boolean;
}

export function uniqueTestKeychainService(): string {
  return `MCP Tray test ${randomBytes(4).toString('hex')}`;
}

function findOnPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    const candidate = path.join(folder, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** The programs the isolated keyring needs that are not on PATH. */
export function missingKeyringTools(): string[] {
  return REQUIRED_TOOLS.filter((tool) => findOnPath(tool) === undefined);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A session bus that listens on a socket in our temp folder and activates nothing (no service folders). */
function busConfig(socketPath: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${escapeXml(socketPath)}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

function dbusSend(busAddress: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { timeout: 5_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } };
    execFile('dbus-send', [`--bus=${busAddress}`, '--print-reply', '--reply-timeout=2000', ...args], options, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it answers true; fails early with the daemon's own log if the daemon dies. */
async function waitUntil(what: string, probe: () => Promise<boolean>, daemon: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = '';
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null || daemon.signalCode !== null) {
      throw new Error(`${what}: the daemon exited (${daemon.exitCode ?? daemon.signalCode}). Its log: ${readLog(logPath)}`);
    }
    try {
      if (await probe()) return;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await delay(50);
  }
  throw new Error(`${what}: not ready after ${STARTUP_TIMEOUT_MS / 1000} s (${lastProblem}). Its log: ${readLog(logPath)}`);
}

function readLog(logPath: string): string {
  try {
    return fs.readFileSync(logPath, 'utf8').trim() || '(empty)';
  } catch {
    return '(none)';
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // A frozen (SIGSTOPped) daemon cannot act on SIGTERM until it runs again.
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 3_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 3_000);
  }
}

/**
 * Cleans up after us if this process dies without calling stop() (a crash, SIGKILL): it waits for
 * its stdin pipe to close, which happens exactly when we exit, then kills the daemons and removes the folder.
 */
function startReaper(root: string, pids: number[]): ChildProcess {
  const script = 'trap "" INT TERM HUP; root="$1"; shift; read -r _ignored; kill -CONT "$@" 2>/dev/null; kill -TERM "$@" 2>/dev/null; sleep 1; rm -rf -- "$root"';
  const reaper = spawn('sh', ['-c', script, 'mcp-tray-keyring-reaper', root, ...pids.map(String)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  reaper.unref();
  // The pipe must not keep this process alive; it only has to close when we go.
  if (reaper.stdin instanceof Socket) reaper.stdin.unref();
  return reaper;
}

/** stdin is a pipe (gnome-keyring reads its password there); stderr goes to a log file read only if startup fails. */
function spawnDaemon(command: string, args: string[], env: Record<string, string>, logPath: string): ChildProcess {
  const logFd = fs.openSync(logPath, 'w');
  try {
    return spawn(command, args, {
      env,
      stdio: ['pipe', 'ignore', logFd],
      // Its own process group: a Ctrl+C in the terminal must not kill it before teardown runs.
      detached: true,
    });
  } finally {
    fs.closeSync(logFd);
  }
}

/** Starts a private bus (and, unless told otherwise, a gnome-keyring-daemon on it) in a fresh temp folder. */
export async function startIsolatedKeyring(options: StartIsolatedKeyringOptions = {}): Promise<IsolatedKeyring> {
  if (process.platform !== 'linux') throw new Error('The isolated keyring uses gnome-keyring and runs on Linux only.');
  const missing = missingKeyringTools();
  if (missing.length > 0) throw new Error(`The isolated test keychain needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. ${INSTALL_HINT}`);

  // Short root: a unix socket path must stay under ~107 bytes.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-keyring-'));
  const folders = {
    home: path.join(root, 'home'),
    data: path.join(root, 'data'),
    config: path.join(root, 'config'),
    cache: path.join(root, 'cache'),
    runtime: path.join(root, 'runtime'),
    bus: path.join(root, 'bus'),
  };
  for (const folder of Object.values(folders)) fs.mkdirSync(folder, { mode: 0o700 });
  const socketPath = path.join(folders.bus, 'socket');
  const busAddress = `unix:path=${socketPath}`;
  const configPath = path.join(root, 'bus.conf');
  fs.writeFileSync(configPath, busConfig(socketPath));

  const children: ChildProcess[] = [];
  let reaper: ChildProcess | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    reaper?.kill('SIGKILL');
    // The keyring first, then the bus it is connected to.
    for (const child of [...children].reverse()) await terminate(child);
    fs.rmSync(root, { recursive: true, force: true });
  };

  // Only what the daemons need; above all, not the user's DBUS_SESSION_BUS_ADDRESS or XDG_RUNTIME_DIR.
  const daemonEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: folders.home,
    XDG_DATA_HOME: folders.data,
    XDG_CONFIG_HOME: folders.config,
    XDG_CACHE_HOME: folders.cache,
    XDG_RUNTIME_DIR: folders.runtime,
    DBUS_SESSION_BUS_ADDRESS: busAddress,
  };

  try {
    const busLog = path.join(root, 'dbus-daemon.log');
    const bus = spawnDaemon('dbus-daemon', [`--config-file=${configPath}`, '--nofork'], daemonEnv, busLog);
    children.push(bus);
    await waitUntil(
      'The private D-Bus session bus',
      async () => (await dbusSend(busAddress, ['--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetId'])).length > 0,
      bus,
      busLog,
    );

    let secretServicePid: number | undefined;
    if (options.secretService !== false) {
      const keyringLog = path.join(root, 'gnome-keyring.log');
      const keyring = spawnDaemon('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], daemonEnv, keyringLog);
      children.push(keyring);
      // --unlock reads the password of the "login" keyring from stdin and creates that keyring if it is missing.
      // A daemon that dies first breaks the pipe; waitUntil reports its exit and log, so the write error adds nothing.
      keyring.stdin?.on('error', () => {});
      keyring.stdin?.end(randomBytes(12).toString('hex'));
      // Ready once the default collection exists: that is where keytar/libsecret store items.
      await waitUntil(
        'gnome-keyring-daemon',
        async () =>
          (
            await dbusSend(busAddress, [
              '--dest=org.freedesktop.secrets',
              '/org/freedesktop/secrets',
              'org.freedesktop.Secret.Service.ReadAlias',
              'string:default',
            ])
          ).includes('/org/freedesktop/secrets/collection/'),
        keyring,
        keyringLog,
      );
      secretServicePid = keyring.pid;
    }

    const pids = children.map((child) => child.pid).filter((pid): pid is number => pid !== undefined);
    reaper = startReaper(root, pids);
    for (const child of children) child.unref();

    return { env: { DBUS_SESSION_BUS_ADDRESS: busAddress }, keychainService: uniqueTestKeychainService(), secretServicePid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface TestKeychain {
  /**
   * Put this into the environment of any child process that must use the test keychain (a spawned
   * server, the launcher, the CLI): the bus address on Linux and the test's keychain service name.
   */
  env: Record<string, string>;
  keychainService: string;
}

/**
 * The keychain for this test run, as set up by the globalSetup. Throws (so the test fails, never
 * passes silently) when it could not be started, saying what to install.
 */
export function requireTestKeychain(): TestKeychain {
  const status = process.env[TEST_KEYCHAIN_STATUS_VARIABLE];
  const keychainService = process.env.MCP_TRAY_KEYCHAIN_SERVICE;
  if (status === undefined || keychainService === undefined) {
    throw new Error('The test keychain was not set up: run the tests with vitest.config.ts, whose globalSetup (test/global-setup.ts) starts it.');
  }
  if (status === 'system') return { env: { MCP_TRAY_KEYCHAIN_SERVICE: keychainService }, keychainService };
  const busAddress = process.env.DBUS_SESSION_BUS_ADDRESS;
  if (status !== 'ready' || busAddress === undefined) {
    throw new Error(`The isolated test keychain is not available: ${status}${status.includes(INSTALL_HINT) ? '' : ` ${INSTALL_HINT}`}`);
  }
  return { env: { DBUS_SESSION_BUS_ADDRESS: busAddress, MCP_TRAY_KEYCHAIN_SERVICE: keychainService }, keychainService };
}

/**
 * For the globalSetup: starts the run's keychain and points this process's environment at it, so
 * the workers (started afterwards) and their children inherit it. Never throws: if it cannot start,
 * the bus address points at a socket that does not exist (so nothing can reach a real keyring) and
 * requireTestKeychain() fails with the reason. Returns the teardown.
 */
export async function installTestKeychainForRun(): Promise<() => Promise<void>> {
  process.env.MCP_TRAY_KEYCHAIN_SERVICE = uniqueTestKeychainService();
  // Only libgnome-keyring reads this, but it would point at the user's own daemon.
  delete process.env.GNOME_KEYRING_CONTROL;

  if (process.platform !== 'linux') {
    // macOS and Windows have one keychain per user; tests use it under the unique service name above.
    process.env[TEST_KEYCHAIN_STATUS_VARIABLE] = 'system';
    return async () => {};
  }

  try {
    const keyring = await startIsolatedKeyring();
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.MCP_TRAY_KEYCHAIN_SERVICE = keyring.keychainService;
    process.env[TEST_KEYCHAIN_STATUS_VARIABLE] = 'ready';
    return () => keyring.stop();
  } catch (error) {
    const deadSocket = path.join(os.tmpdir(), `mcp-tray-no-bus-${randomBytes(4).toString('hex')}`);
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${deadSocket}`;
    process.env[TEST_KEYCHAIN_STATUS_VARIABLE] = (error as Error).message;
    console.warn(`[test keychain] ${(error as Error).message}`);
    return async () => {};
  }
}
