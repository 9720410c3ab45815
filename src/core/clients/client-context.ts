/**
 * What a client module needs to know about the machine to find its config file: the OS, the
 * environment, the home folder, and a read-only look at the file system. Everything is passed in,
 * so every OS's paths are tested from any OS and tests never look at the real home folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ClientContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** True when a file or folder exists at the path. */
  exists(target: string): boolean;
  /** The names in a folder; empty when it does not exist or cannot be read. */
  listDir(dir: string): string[];
}

/** The path rules of the context's OS, whichever OS runs the code. */
export function pathApi(context: Pick<ClientContext, 'platform'>): path.PlatformPath {
  return context.platform === 'win32' ? path.win32 : path.posix;
}

function nonBlankAbsolute(context: ClientContext, value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' && pathApi(context).isAbsolute(value) ? value : undefined;
}

/** The folder an environment variable names, when it is an absolute path; undefined otherwise. */
export function absolutePathFromEnv(context: ClientContext, name: string): string | undefined {
  return nonBlankAbsolute(context, context.env[name]);
}

/** The first of `names` in a folder on PATH or in one of `extraFolders`: how a GUI app finds a client's CLI. */
export function findExecutable(context: ClientContext, names: readonly string[], extraFolders: readonly string[] = []): string | undefined {
  const api = pathApi(context);
  const separator = context.platform === 'win32' ? ';' : ':';
  const folders = [...(context.env.PATH ?? context.env.Path ?? '').split(separator).filter((folder) => api.isAbsolute(folder)), ...extraFolders];
  for (const folder of folders) {
    for (const name of names) {
      const candidate = api.join(folder, name);
      if (context.exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A CLI's executable names on this OS: `name` elsewhere, its .exe and .cmd (npm) forms on Windows. */
export function executableNames(context: Pick<ClientContext, 'platform'>, name: string): string[] {
  return context.platform === 'win32' ? [`${name}.exe`, `${name}.cmd`] : [name];
}

/** Windows %APPDATA% (Roaming), with the usual fallback under the home folder. */
function windowsRoamingAppData(context: ClientContext): string {
  return nonBlankAbsolute(context, context.env.APPDATA) ?? path.win32.join(context.homeDir, 'AppData', 'Roaming');
}

/** Windows %LOCALAPPDATA%, with the usual fallback under the home folder. */
export function windowsLocalAppData(context: ClientContext): string {
  return nonBlankAbsolute(context, context.env.LOCALAPPDATA) ?? path.win32.join(context.homeDir, 'AppData', 'Local');
}

/**
 * Where Electron apps (Claude Desktop, VS Code) keep their settings: macOS Application Support,
 * Windows Roaming AppData, elsewhere $XDG_CONFIG_HOME or ~/.config.
 */
export function electronAppDataDir(context: ClientContext): string {
  const api = pathApi(context);
  if (context.platform === 'darwin') return api.join(context.homeDir, 'Library', 'Application Support');
  if (context.platform === 'win32') return windowsRoamingAppData(context);
  return nonBlankAbsolute(context, context.env.XDG_CONFIG_HOME) ?? api.join(context.homeDir, '.config');
}

/** The running machine, seen through the given environment and home folder. */
export function nodeClientContext(overrides: Partial<Omit<ClientContext, 'exists' | 'listDir'>> = {}): ClientContext {
  return {
    platform: overrides.platform ?? process.platform,
    env: overrides.env ?? process.env,
    homeDir: overrides.homeDir ?? os.homedir(),
    exists: (target) => fs.existsSync(target),
    listDir: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
