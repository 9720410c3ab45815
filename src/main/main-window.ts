/**
 * The one app window: created on demand, hidden (not closed) when the person closes it so the
 * servers keep running, and shown and focused again from the tray or a second launch.
 */
import { app, BrowserWindow, nativeTheme } from 'electron';
import path from 'node:path';
import type { WindowSeam } from '../core/server-requests/server-request-desk';
import type { AppLayout } from './app-layout';
import type { Notice } from './registration-notice';
import { rendererEntryUrl, type RendererLocation } from './renderer-location';
import type { ShellState } from './shell-state';
import { WINDOW_ICON_FILE } from './tray-icons';
import { CLOSE_TO_TRAY_NOTICE, decideWindowClose } from './window-behaviour';

interface MainWindowOptions {
  layout: AppLayout;
  location: RendererLocation;
  shellState: ShellState;
  isQuitting: () => boolean;
  notify: (notice: Notice) => void;
  /** Told while the window is shown, so a server's request can wait for the person looking at it. */
  windows: WindowSeam;
}

export class MainWindow {
  private window: BrowserWindow | undefined;

  constructor(private readonly options: MainWindowOptions) {}

  get current(): BrowserWindow | undefined {
    return this.window && !this.window.isDestroyed() ? this.window : undefined;
  }

  /** Creates the window if needed; shows it unless `hidden` (started at login: it stays in the tray). */
  open({ hidden = false }: { hidden?: boolean } = {}): BrowserWindow {
    const existing = this.current;
    if (existing) {
      if (!hidden) this.reveal(existing);
      return existing;
    }
    const window = this.create();
    if (!hidden) window.once('ready-to-show', () => this.reveal(window));
    return window;
  }

  private reveal(window: BrowserWindow): void {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    // macOS does not bring a background app forward just because its window was shown.
    if (process.platform === 'darwin') app.focus({ steal: true });
  }

  /** A hidden window (closed to the tray) is no window to the person: only a shown one counts as open. */
  private reportShown(window: BrowserWindow): void {
    let close: (() => void) | undefined;
    const hidden = () => {
      close?.();
      close = undefined;
    };
    window.on('show', () => (close ??= this.options.windows.attachWindow()));
    window.on('hide', hidden);
    window.on('closed', hidden);
  }

  private create(): BrowserWindow {
    const { layout, location } = this.options;
    const window = new BrowserWindow({
      width: 1180,
      height: 760,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'MCP Tray',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#0d1117' : '#ffffff',
      ...(process.platform === 'linux' ? { icon: path.join(layout.resourcesDir, WINDOW_ICON_FILE) } : {}),
      webPreferences: {
        preload: layout.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: !app.isPackaged,
      },
    });
    window.removeMenu();
    window.on('close', (event) => {
      const decision = decideWindowClose({ quitting: this.options.isQuitting(), explainedBefore: this.options.shellState.closeToTrayExplained });
      if (!decision.hideInstead) return;
      event.preventDefault();
      window.hide();
      if (decision.explain) {
        this.options.shellState.markCloseToTrayExplained();
        this.options.notify({ ...CLOSE_TO_TRAY_NOTICE, level: 'info' });
      }
    });
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    this.reportShown(window);
    // A renderer that crashed leaves a blank window: load the page again rather than show nothing.
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason !== 'clean-exit' && !window.isDestroyed()) void window.loadURL(rendererEntryUrl(location));
    });
    void window.loadURL(rendererEntryUrl(location));
    this.window = window;
    return window;
  }
}
