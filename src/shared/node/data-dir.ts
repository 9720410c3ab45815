/**
 * Where MCP Tray keeps its data (settings, logs) and which keychain service it uses.
 * Both can be overridden from the environment so tests and side-by-side installs never touch
 * a user's real data or real keychain entries.
 */
import path from 'node:path';
import { DEFAULT_KEYCHAIN_SERVICE } from '../vocabulary';

/** The folder name under the OS app-data folder; matches Electron's `app.getPath('userData')` for the product name. */
const APP_DATA_FOLDER_NAME = 'MCP Tray';

/** Treats an empty or blank variable like an unset one: `FOO= cmd` should not mean "use the current folder". */
function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * The app's data folder, as an absolute path in the given platform's syntax.
 * `MCP_TRAY_HOME` wins (a relative value is resolved against the current folder); otherwise
 * macOS `~/Library/Application Support/MCP Tray`, Windows `%APPDATA%\MCP Tray`
 * (`~\AppData\Roaming\MCP Tray` without APPDATA), Linux and other Unixes
 * `$XDG_CONFIG_HOME/MCP Tray` or `~/.config/MCP Tray`.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  // The platform's own path rules, so that every OS's answer can be checked from any OS.
  const platformPath = platform === 'win32' ? path.win32 : path.posix;

  const override = nonBlank(env.MCP_TRAY_HOME);
  if (override !== undefined) return platformPath.resolve(override);

  if (platform === 'darwin') return platformPath.join(homeDir, 'Library', 'Application Support', APP_DATA_FOLDER_NAME);

  if (platform === 'win32') {
    const appData = nonBlank(env.APPDATA);
    const roaming = appData !== undefined && platformPath.isAbsolute(appData) ? appData : platformPath.join(homeDir, 'AppData', 'Roaming');
    return platformPath.join(roaming, APP_DATA_FOLDER_NAME);
  }

  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdgConfigHome = nonBlank(env.XDG_CONFIG_HOME);
  const configHome = xdgConfigHome !== undefined && platformPath.isAbsolute(xdgConfigHome) ? xdgConfigHome : platformPath.join(homeDir, '.config');
  return platformPath.join(configHome, APP_DATA_FOLDER_NAME);
}

/** The keychain service name under which every secret is stored: `MCP_TRAY_KEYCHAIN_SERVICE` or "MCP Tray". */
export function resolveKeychainService(env: NodeJS.ProcessEnv): string {
  return nonBlank(env.MCP_TRAY_KEYCHAIN_SERVICE)?.trim() ?? DEFAULT_KEYCHAIN_SERVICE;
}
