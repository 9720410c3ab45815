/**
 * Which icon file the tray shows, per state, platform and panel colour. The files live under
 * resources/tray/ and are drawn by scripts/generate-icons.ts, which uses these same names.
 * - macOS: monochrome template images; the menu bar recolours them for light and dark itself.
 * - Windows: .ico files holding every size the taskbar may ask for, one per panel colour.
 * - Linux: PNG with an @2x variant for HiDPI, one per panel colour.
 */
import { TRAY_STATES, type TrayState } from './tray-state';

/** The colour of the panel the icon sits on (not the colour of the icon). */
export type PanelTheme = 'light' | 'dark';
export const PANEL_THEMES: readonly PanelTheme[] = ['light', 'dark'];

type TrayIconPlatform = 'macos' | 'windows' | 'linux';

export function trayIconPlatform(platform: NodeJS.Platform): TrayIconPlatform {
  if (platform === 'darwin') return 'macos';
  if (platform === 'win32') return 'windows';
  return 'linux';
}

/**
 * The panel colour to draw for. Linux panels are dark on most desktops (GNOME's top bar always is),
 * whatever the app theme; Windows' taskbar follows the system theme.
 */
export function panelTheme(platform: NodeJS.Platform, systemUsesDarkColors: boolean): PanelTheme {
  if (platform === 'linux') return 'dark';
  return systemUsesDarkColors ? 'dark' : 'light';
}

/** The icon's path relative to the resources folder, with forward slashes. */
export function trayIconFile(state: TrayState, platform: TrayIconPlatform, theme: PanelTheme): string {
  switch (platform) {
    case 'macos':
      // The "Template" suffix is what makes macOS treat the image as a template.
      return `tray/macos/tray-${state}Template.png`;
    case 'windows':
      return `tray/windows/tray-${state}-on-${theme}.ico`;
    case 'linux':
      return `tray/linux/tray-${state}-on-${theme}.png`;
  }
}

/** The same name with "@2x" before the extension: Electron loads it for HiDPI screens by itself. */
export function retinaVariant(file: string): string {
  return file.replace(/(\.[a-z]+)$/, '@2x$1');
}

/** Every tray icon file that must exist, @2x variants included. */
export function allTrayIconFiles(): string[] {
  const files: string[] = [];
  for (const state of TRAY_STATES) {
    const macos = trayIconFile(state, 'macos', 'light');
    files.push(macos, retinaVariant(macos));
    for (const theme of PANEL_THEMES) {
      files.push(trayIconFile(state, 'windows', theme));
      const linux = trayIconFile(state, 'linux', theme);
      files.push(linux, retinaVariant(linux));
    }
  }
  return files;
}

/** The window icon on Linux (macOS and Windows take the icon from the app bundle or executable). */
export const WINDOW_ICON_FILE = 'icons/mcp-tray-512.png';
