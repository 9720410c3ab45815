/**
 * The Electron main process: one instance per data folder, the manager (AppCore) inside it, the
 * window and the tray as its surfaces, the control socket so the `mcp-tray` CLI drives this same
 * manager, and a graceful stop of every server on quit.
 *
 * Data folder: the same one the CLI uses, resolveDataDir(env, platform, home) (MCP_TRAY_HOME, else
 * the OS app-data folder "MCP Tray"), so settings.json, logs and control.sock are shared.
 * Chromium's own files go to its browser-profile sub-folder (see app-layout.ts).
 */
import { app, dialog, session } from 'electron';
import os from 'node:os';
import { AppCore } from '../core/app-core';
import { resolveDataDir, resolveKeychainService } from '../shared/node/data-dir';
import { BYTES_PER_MB } from '../shared/message-size';
import { hasAbandonedKeychainCall, KeytarSecretStore } from '../core/secrets';
import { SettingsStore } from '../core/settings';
import { toWireError } from '../surfaces/contract-port';
import { serveControlSocket, type ControlSocketServer } from '../surfaces/control-socket/server';
import { ManagerAlreadyRunning, refuseSecondManager, stopOnSignals } from '../surfaces/manager-process';
import { appLayout, browserProfileDir } from './app-layout';
import { waitAtMost } from './bounded-wait';
import { electronStoreSettingsBackend, openShellStateBackend } from './electron-stores';
import { forwardEvents, handleContractCalls } from './ipc-bridge';
import { loginItemUnavailableReason } from './login-item';
import { MainWindow } from './main-window';
import { notify } from './notifier';
import type { Notice } from './registration-notice';
import { chooseRendererLocation } from './renderer-location';
import { hardenAllWebContents, hardenSession, registerAppScheme, serveRenderer } from './secure-session';
import { ShellState } from './shell-state';
import { applyStartAtLogin, wasOpenedAtLogin } from './start-at-login';
import { runTrayAction } from './tray-actions';
import { TrayController } from './tray-controller';
import { shouldStartHidden } from './window-behaviour';

const PRODUCT_NAME = 'MCP Tray';
/** Each server gets SIGTERM, then SIGKILL 5 s later (DEFAULT_STOP_TIMINGS); this leaves room for both. */
const QUIT_TIMEOUT_MS = 10_000;

const dataDir = resolveDataDir(process.env, process.platform, os.homedir());
const location = chooseRendererLocation({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });

app.setName(PRODUCT_NAME);
// Before the single-instance lock: Chromium keeps the lock in userData, so it is per data folder.
app.setPath('userData', browserProfileDir(dataDir));
if (process.platform === 'win32') app.setAppUserModelId('com.mcptray.app');
registerAppScheme();
hardenAllWebContents(location);

let quitting = false;
let readyToExit = false;
let stopEverything: () => Promise<void> = async () => {};

function tell(notice: Notice): void {
  if (notice.level !== 'info') console.warn(`${notice.title}: ${notice.body}`);
  if (app.isReady()) notify(notice);
}

/** Warnings already shown this run: a failing log disk, say, would otherwise raise one per write. */
const warningsShown = new Set<string>();

/** The manager's own problems (a broken settings file, an unwritable log), each told once per run. */
function warn(message: string): void {
  if (warningsShown.has(message)) {
    console.warn(`${PRODUCT_NAME}: ${message}`);
    return;
  }
  warningsShown.add(message);
  tell({ title: PRODUCT_NAME, body: message, level: 'warning' });
}

/** The message a contract error carries, or the generic one toWireError gives anything unexpected. */
function wireMessageOf(error: unknown): string {
  return toWireError(error).message;
}

/** Another manager (`mcp-tray run`) on the same data folder would fight this one over the servers. */
async function refuseIfCliManagerRuns(): Promise<boolean> {
  try {
    await refuseSecondManager(dataDir);
    return false;
  } catch (error) {
    if (!(error instanceof ManagerAlreadyRunning)) throw error;
    dialog.showErrorBox(
      `${PRODUCT_NAME} is already running`,
      `The mcp-tray command runs a manager for ${dataDir} (pid ${error.pid}). Stop it (Ctrl+C in its terminal), then open ${PRODUCT_NAME} again.`,
    );
    return true;
  }
}

async function startShell(): Promise<void> {
  const layout = appLayout(app.getAppPath());
  hardenSession(session.defaultSession, location, { devToolsEnabled: !app.isPackaged });
  if (location.kind === 'bundled') serveRenderer(session.defaultSession, layout.rendererDir, location);

  if (await refuseIfCliManagerRuns()) {
    readyToExit = true;
    app.exit(1);
    return;
  }

  const core = await AppCore.create({
    dataDir,
    secrets: new KeytarSecretStore(resolveKeychainService(process.env)),
    runtime: { execPath: process.execPath, runAsNode: true, serversDir: layout.serversDir },
    settings: SettingsStore.open({ dir: dataDir, onWarning: warn, createBackend: electronStoreSettingsBackend }),
    onWarning: warn,
  });

  // Declared before anything else can fail, so a failed start still stops what did start.
  let tray: TrayController | undefined;
  let control: ControlSocketServer | undefined;
  let mainWindow: MainWindow | undefined;
  stopEverything = async () => {
    mainWindow?.current?.hide();
    const outcome = await waitAtMost(Promise.allSettled([control?.close(), core.shutdown()]), QUIT_TIMEOUT_MS);
    if (outcome === 'timed-out') console.warn(`Servers did not stop within ${QUIT_TIMEOUT_MS / 1000} s; the orphan guard ends what is left.`);
    tray?.dispose();
  };

  const applyLoginSetting = (enabled: boolean) =>
    applyStartAtLogin(enabled).catch((error: unknown) => warn(`Could not change start at login: ${wireMessageOf(error)}`));
  core.on('settings.changed', (settings) => {
    void applyLoginSetting(settings.startAtLogin);
    tray?.refreshSoon();
  });

  try {
    control = await serveControlSocket(core, dataDir, { bridge: core.bridge, maxBridgeLineChars: () => core.settings.get().app.maxMessageMb * BYTES_PER_MB });
  } catch (error) {
    warn(`The mcp-tray command cannot reach this app: ${wireMessageOf(error)}`);
  }

  const appWindow = new MainWindow({
    layout,
    location,
    shellState: new ShellState(openShellStateBackend(dataDir)),
    isQuitting: () => quitting,
    notify: tell,
    windows: core.serverRequests,
  });
  mainWindow = appWindow;
  handleContractCalls(core, location);
  forwardEvents(core, () => appWindow.current, location);

  tray = new TrayController({
    manager: core,
    resourcesDir: layout.resourcesDir,
    startAtLoginUnavailable: loginItemUnavailableReason({ isPackaged: app.isPackaged }),
    onIconClick: () => appWindow.open(),
    notify: tell,
    onAction: (action) => {
      void runTrayAction(action, {
        manager: core,
        openWindow: () => appWindow.open(),
        quit: () => app.quit(),
        notify: tell,
        setRegisteringClaudeDesktop: (registering) => tray?.setRegisteringClaudeDesktop(registering),
      });
    },
  });

  app.on('second-instance', () => appWindow.open());
  app.on('activate', () => appWindow.open());
  appWindow.open({ hidden: shouldStartHidden(process.argv, wasOpenedAtLogin()) });

  // The OS login entry follows the saved setting, also after the app was moved or updated.
  void applyLoginSetting((await core.call('settings.get', {})).startAtLogin);
  core.startAutostartServers().catch((error: unknown) => warn(`Some servers could not start: ${wireMessageOf(error)}`));
}

async function quitGracefully(): Promise<void> {
  try {
    await stopEverything();
  } finally {
    readyToExit = true;
    // A keychain call stuck in the native layer would hold the exit for up to a minute (see secrets.ts).
    if (hasAbandonedKeychainCall() && process.platform !== 'win32') process.kill(process.pid, 'SIGKILL');
    app.quit();
  }
}

if (!app.requestSingleInstanceLock()) {
  // The running instance gets 'second-instance' and shows its window.
  readyToExit = true;
  app.quit();
} else {
  // conf (through when-exit) re-raises SIGINT/SIGTERM after its own cleanup, which would kill the
  // app before the servers stop: take the signals over and quit the normal way instead.
  const stopRequested = stopOnSignals(() => {
    readyToExit = true;
    app.exit(130);
  });
  void stopRequested.then(() => app.quit());

  app.on('before-quit', (event) => {
    if (readyToExit) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void quitGracefully();
  });
  // The window only hides; the app lives in the tray until Quit.
  app.on('window-all-closed', () => {});

  app
    .whenReady()
    .then(startShell)
    .catch(async (error: unknown) => {
      dialog.showErrorBox(`${PRODUCT_NAME} could not start`, wireMessageOf(error));
      await stopEverything().catch(() => {});
      readyToExit = true;
      app.exit(1);
    });
}
