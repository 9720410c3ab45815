/**
 * How "Start at login" is put into effect on each OS, as a plan the Electron side carries out:
 * macOS and Windows through app.setLoginItemSettings, Linux (where Electron has no login items)
 * through an XDG autostart entry in ~/.config/autostart.
 */
import nodePath from 'node:path';
import { START_HIDDEN_ARGUMENT } from './window-behaviour';

type LoginItemPlan =
  | { kind: 'login-item'; openAtLogin: boolean; args: string[] }
  /** `content` undefined means: remove the file. */
  | { kind: 'xdg-autostart'; filePath: string; content: string | undefined }
  | { kind: 'unavailable'; reason: string };

export interface LoginItemInput {
  enabled: boolean;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  execPath: string;
  /** Set by the AppImage runtime to the .AppImage file; execPath is then inside a temporary mount. */
  appImagePath: string | undefined;
  /** $XDG_CONFIG_HOME when absolute, else ~/.config. */
  configHome: string;
}

const AUTOSTART_FILE_NAME = 'mcp-tray.desktop';
const DEVELOPMENT_BUILD_REASON = 'installed app only';

/** Why start at login cannot be offered, or undefined when it can. */
export function loginItemUnavailableReason(input: Pick<LoginItemInput, 'isPackaged'>): string | undefined {
  // A development build would register the bare Electron binary, which opens Electron's default app at login.
  return input.isPackaged ? undefined : DEVELOPMENT_BUILD_REASON;
}

export function loginItemPlan(input: LoginItemInput): LoginItemPlan {
  const unavailable = loginItemUnavailableReason(input);
  if (unavailable) return { kind: 'unavailable', reason: unavailable };
  if (input.platform === 'darwin' || input.platform === 'win32') {
    return { kind: 'login-item', openAtLogin: input.enabled, args: input.enabled ? [START_HIDDEN_ARGUMENT] : [] };
  }
  const filePath = nodePath.posix.join(input.configHome, 'autostart', AUTOSTART_FILE_NAME);
  if (!input.enabled) return { kind: 'xdg-autostart', filePath, content: undefined };
  return { kind: 'xdg-autostart', filePath, content: autostartDesktopEntry(input.appImagePath ?? input.execPath) };
}

/**
 * Quotes one Exec argument as the Desktop Entry spec asks: always in double quotes, with " ` $ \
 * escaped by a backslash, % doubled, and then every backslash doubled again, because the file's
 * string escaping is undone before the Exec quoting is read.
 */
export function quoteDesktopExecArgument(argument: string): string {
  const quoted = `"${argument.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
  return quoted.replace(/\\/g, '\\\\');
}

export function autostartDesktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=MCP Tray',
    'Comment=Keeps your local MCP servers running',
    `Exec=${quoteDesktopExecArgument(executable)} ${START_HIDDEN_ARGUMENT}`,
    'Icon=mcp-tray',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** $XDG_CONFIG_HOME when it is an absolute path (the spec says to ignore a relative one), else ~/.config. */
export function xdgConfigHome(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configured = env.XDG_CONFIG_HOME?.trim();
  return configured && nodePath.posix.isAbsolute(configured) ? configured : nodePath.posix.join(homeDir, '.config');
}
