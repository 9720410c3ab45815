/**
 * The desktop app itself, through Playwright's Electron driver: the window opens on the app's own
 * scheme, lists the servers, and starting and stopping a server changes the state it shows. It runs
 * in its own sandbox (temp HOME and data folder, isolated keychain, fake upstreams) set up by the
 * CLI, which also proves the app reads the settings the CLI wrote.
 *
 * Skipped, with the reason printed, where no Electron binary is installed (the electron package
 * downloads it in a postinstall step, which cannot run offline) or where Linux has no display.
 * Requiring the electron package is never done here: on a machine without the binary it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { PreloadBridge, ResponseEnvelope } from '../src/shared/bridge';
import { createE2eSandbox, projectRoot, type E2eSandbox } from './support/sandbox';
import { saveScreenshot } from './support/screenshots';

type BinaryLookup = { found: true; executablePath: string } | { found: false; reason: string };

/** Where the electron package put its binary: node_modules/electron/dist/<path.txt>, written after the download. */
function findElectronBinary(): BinaryLookup {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(packageDir)) return { found: false, reason: 'node_modules/electron is missing; run npm ci' };
  if (!existsSync(pathFile)) return { found: false, reason: "node_modules/electron/path.txt is missing: the package's binary download never ran" };
  const executablePath = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executablePath)) return { found: false, reason: `${executablePath} does not exist` };
  return { found: true, executablePath };
}

function skipReason(): string | undefined {
  const binary = findElectronBinary();
  if (!binary.found) return `Electron binary not installed (${binary.reason}): skipping`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display for Electron (DISPLAY is not set; run under xvfb-run): skipping';
  }
  return undefined;
}

const reason = skipReason();
if (reason) console.log(reason);

/** Calls the contract the way the UI does, through window.mcpTray, and unwraps the envelope. */
async function callBridge(page: Page, method: string, input: unknown): Promise<ResponseEnvelope> {
  return page.evaluate(
    async ([name, payload]) => {
      const bridge = (globalThis as unknown as { mcpTray: PreloadBridge }).mcpTray;
      return bridge.methods[name as keyof PreloadBridge['methods']](payload);
    },
    [method, input] as const,
  );
}

async function stateOf(page: Page, serverId: string): Promise<string> {
  const envelope = await callBridge(page, 'health.get', { id: serverId });
  return envelope.ok ? (envelope.result as { state: string }).state : `error: ${envelope.error.message}`;
}

test.describe('the Electron app', () => {
  test.skip(reason !== undefined, reason);
  test.describe.configure({ mode: 'serial' });

  let sandbox: E2eSandbox;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    const binary = findElectronBinary();
    if (!binary.found) throw new Error(binary.reason);
    sandbox = await createE2eSandbox('electron');
    const display = Object.fromEntries(['DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
    app = await electron.launch({
      executablePath: binary.executablePath,
      // Chromium's sandbox refuses to start as root (as in CI containers).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
      cwd: projectRoot,
      env: { ...sandbox.env, ...display },
      timeout: 60_000,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    // Quit goes through the app's graceful stop of every server.
    await app?.close();
    await sandbox?.dispose();
  });

  test('the window opens on the app scheme and lists the servers', async ({}, testInfo) => {
    expect(page.url()).toBe('mcp-tray://app/index.html');
    await expect(page.getByText(/weather/i).first()).toBeVisible();
    await expect(page.getByText(/github/i).first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'electron-servers');
  });

  test('the page gets the contract and nothing else of Node or Electron', async () => {
    const surface = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown> & { mcpTray: PreloadBridge };
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        bridgeKeys: Object.keys(scope.mcpTray).sort(),
        hasInvoke: 'invoke' in scope.mcpTray || 'invoke' in scope.mcpTray.methods,
      };
    });
    expect(surface).toEqual({ require: 'undefined', process: 'undefined', bridgeKeys: ['events', 'methods', 'platform'], hasInvoke: false });
  });

  test('the app uses the settings the CLI wrote to the shared data folder', async () => {
    const envelope = await callBridge(page, 'servers.get', { id: 'weather' });
    expect(envelope).toMatchObject({ ok: true, result: { env: { WEATHER_API_URL: sandbox.openMeteo.url } } });
  });

  test('stopping and starting a server changes the state the window shows', async () => {
    await expect.poll(() => stateOf(page, 'weather'), { timeout: 30_000 }).toBe('running');
    expect(await callBridge(page, 'servers.stop', { id: 'weather' })).toMatchObject({ ok: true, result: { state: 'stopped' } });
    await expect(page.getByText(/stopped/i).first()).toBeVisible();
    expect(await callBridge(page, 'servers.start', { id: 'weather' })).toMatchObject({ ok: true });
    await expect.poll(() => stateOf(page, 'weather'), { timeout: 30_000 }).toBe('running');
  });

  test('closing the window hides it to the tray; the app keeps running', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.isVisible())))
      .toEqual([false]);
    expect(await stateOf(page, 'weather')).toBe('running');
  });
});
