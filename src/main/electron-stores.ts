/**
 * electron-store behind the core's settings seam (SettingsStore.open's createBackend) and for the
 * shell's own small state file. electron-store extends conf and takes the same options, except
 * that it names the file with `name` (it would otherwise overwrite `configName` with "config").
 */
import ElectronStore from 'electron-store';
import type { SettingsBackendFactory } from '../core/settings';
import { SHELL_STATE_FILE_NAME, type ShellStateBackend } from './shell-state';

export const electronStoreSettingsBackend: SettingsBackendFactory = ({ configName, ...options }) =>
  new ElectronStore<Record<string, unknown>>({ ...options, name: configName });

export function openShellStateBackend(dataDir: string): ShellStateBackend {
  return new ElectronStore<Record<string, unknown>>({
    cwd: dataDir,
    name: SHELL_STATE_FILE_NAME,
    configFileMode: 0o600,
    // Only a remembered hint lives here: a broken file is not worth stopping the app for.
    clearInvalidConfig: true,
  });
}
