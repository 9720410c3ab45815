/**
 * How the launcher finds the D-Bus session bus on Linux, where the keychain (Secret Service) lives.
 *
 * A client such as Claude Desktop may start servers with almost no environment, so the launcher
 * cannot count on DBUS_SESSION_BUS_ADDRESS. On a systemd desktop the session bus is always at the
 * conventional `unix:path=$XDG_RUNTIME_DIR/bus` = `/run/user/<uid>/bus`, which the launcher finds by
 * itself. Only an unconventional address (dbus-launch sessions, the tests' isolated keyring) is worth
 * carrying in the client's config entry, and it goes there under its own name,
 * MCP_TRAY_DBUS_SESSION_BUS_ADDRESS, so a live DBUS_SESSION_BUS_ADDRESS that the client passes on
 * still wins over a registered one that may have gone stale after a new login.
 *
 * No imports on purpose: the launcher bundles this, and every module it loads delays a server's start.
 */

/** The entry-env variable that carries an unconventional session bus address from registration to the launcher. */
export const REGISTERED_BUS_VARIABLE = 'MCP_TRAY_DBUS_SESSION_BUS_ADDRESS';

/** The entry-env variable naming the client an entry belongs to (its id, e.g. claude-desktop): the caller's identity in the manager. */
export const CLIENT_NAME_VARIABLE = 'MCP_TRAY_CLIENT';

/**
 * Environment variables whose value in our client entries MCP Tray decides (see launch-entry.ts), and
 * that are meant for the launcher alone. Here, import-free, so the launcher shares the one list.
 */
export const MANAGED_ENV_NAMES: readonly string[] = ['ELECTRON_RUN_AS_NODE', 'MCP_TRAY_HOME', 'MCP_TRAY_KEYCHAIN_SERVICE', REGISTERED_BUS_VARIABLE, CLIENT_NAME_VARIABLE];

type Env = Readonly<Record<string, string | undefined>>;

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

/** The socket paths where a session bus conventionally listens for this user, most specific first. */
export function conventionalBusSocketPaths(env: Env, uid: number | undefined): string[] {
  const paths: string[] = [];
  const runtimeDir = nonBlank(env.XDG_RUNTIME_DIR);
  if (runtimeDir !== undefined && runtimeDir.startsWith('/')) paths.push(`${runtimeDir.replace(/\/+$/, '')}/bus`);
  if (uid !== undefined) {
    const systemdPath = `/run/user/${uid}/bus`;
    if (!paths.includes(systemdPath)) paths.push(systemdPath);
  }
  return paths;
}

/**
 * The address registration should write into a client's entry: the registering process's bus
 * address when it is not one the launcher would find by itself; undefined otherwise and off Linux
 * (macOS and Windows keychains do not use D-Bus).
 */
export function busAddressToRegister(env: Env, platform: NodeJS.Platform, uid: number | undefined): string | undefined {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  const address = nonBlank(env.DBUS_SESSION_BUS_ADDRESS);
  if (address === undefined) return undefined;
  const conventional = conventionalBusSocketPaths(env, uid).map((socketPath) => `unix:path=${socketPath}`);
  return conventional.includes(address) ? undefined : address;
}

/**
 * The session bus address the launcher should use: the one the client passed on, else the one
 * recorded at registration, else a conventional socket that exists. Undefined when there is none;
 * libsecret then fails fast and the server starts without its secrets.
 */
export function resolveLauncherBusAddress(env: Env, uid: number | undefined, socketExists: (socketPath: string) => boolean): string | undefined {
  const passedOn = nonBlank(env.DBUS_SESSION_BUS_ADDRESS) ?? nonBlank(env[REGISTERED_BUS_VARIABLE]);
  if (passedOn !== undefined) return passedOn;
  const socketPath = conventionalBusSocketPaths(env, uid).find(socketExists);
  return socketPath === undefined ? undefined : `unix:path=${socketPath}`;
}
