/**
 * The real main process (src/main/index.ts) with a fake Electron (test/support/main-process/fake-electron.mjs): the
 * wiring between AppCore, IPC, the app scheme, the tray, the window, the control socket and quit,
 * checked in plain Node. What only a real Electron can show (a window on screen) is the e2e spec's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, waitFor } from '../../test/support/chaos';
import { connectControlSocket } from '../surfaces/control-socket/client';
import { FIXTURE_PAGE, MainProcessUnderTest } from '../../test/support/main-process/main-process-harness';

interface Envelope {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}
interface MenuItem {
  label: string;
  enabled: boolean;
  checked?: boolean;
  submenu?: MenuItem[];
}
interface TrayView {
  menu: MenuItem[];
  image: string;
  imageExists: boolean;
  tooltip: string;
}

async function serverState(app: MainProcessUnderTest, id: string): Promise<string | undefined> {
  const envelope = await app.invoke<Envelope>('health.get', { id });
  return envelope.ok ? (envelope.result as { state: string }).state : undefined;
}

describe('the main process, with Electron faked', { timeout: 60_000 }, () => {
  let app: MainProcessUnderTest;

  beforeAll(async () => {
    app = await MainProcessUnderTest.start();
    await app.waitForMessage('window-loaded', 40_000);
  }, 60_000);

  afterAll(async () => {
    await app?.dispose();
  });

  it('opens the window on the app scheme with every web security setting on', async () => {
    const loaded = await app.waitForMessage('window-loaded');
    expect(loaded.url).toBe('mcp-tray://app/index.html');
    expect(loaded.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    const schemes = await app.waitForMessage('schemes');
    expect(schemes.schemes).toEqual([{ scheme: 'mcp-tray', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    await app.waitForMessage('window-shown');
  });

  it('serves the UI through the app scheme with the CSP header, and nothing outside it', async () => {
    const page = await app.order<{ status: number; headers: Record<string, string>; body: string }>('fetch', { url: 'mcp-tray://app/index.html' });
    expect(page.status).toBe(200);
    expect(page.body).toBe(FIXTURE_PAGE);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self';/);
    const script = await app.order<{ status: number; headers: Record<string, string> }>('fetch', { url: 'mcp-tray://app/assets/app.js' });
    expect(script).toMatchObject({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    expect(await app.order<{ status: number }>('fetch', { url: 'mcp-tray://app/assets/missing.js' })).toMatchObject({ status: 404 });
    expect(await app.order<{ status: number }>('fetch', { url: 'mcp-tray://app/..%2f..%2fpackage.json' })).toMatchObject({ status: 404 });
  });

  it('answers contract calls from its page, in envelopes, and refuses any other sender', async () => {
    const listed = await app.invoke<Envelope>('servers.list', {});
    expect(listed.ok).toBe(true);
    expect((listed.result as Array<{ id: string }>).map((server) => server.id)).toEqual(expect.arrayContaining(['weather', 'github']));
    expect(await app.invoke<Envelope>('servers.start', { id: 'NOT VALID' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await app.invoke<Envelope>('servers.list', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(await app.invoke<Envelope>('servers.list', {}, 'file:///etc/passwd')).toMatchObject({ ok: false });
  });

  it('lets the mcp-tray CLI drive this same manager through the control socket', async () => {
    const client = await connectControlSocket(app.dataDir);
    expect(client).toBeDefined();
    try {
      expect(client?.managerPid).toBe(app.child.pid);
      const servers = await client?.call('servers.list', {});
      expect(servers?.map((server) => server.id)).toEqual(expect.arrayContaining(['weather', 'github']));
    } finally {
      client?.close();
    }
  });

  it('keeps its settings in the shared data folder, through electron-store', async () => {
    expect(await app.invoke<Envelope>('settings.update', { logBufferSize: 2_345 })).toMatchObject({ ok: true });
    const saved = JSON.parse(readFileSync(path.join(app.dataDir, 'settings.json'), 'utf8')) as { app: { logBufferSize: number } };
    expect(saved.app.logBufferSize).toBe(2_345);
  });

  it('shows the overall state in the tray and lists each server with Start/Stop', async () => {
    await waitFor('every server running', async () => (await serverState(app, 'weather')) === 'running' && (await serverState(app, 'github')) === 'running', 30_000);
    const tray = await waitFor('the healthy tray icon', async () => {
      const view = await app.order<TrayView>('tray');
      return view.image.endsWith('tray-healthy-on-dark.png') ? view : undefined;
    });
    expect(tray.imageExists).toBe(true);
    expect(tray.tooltip).toBe('MCP Tray: all healthy (2 of 2 servers running)');
    expect(tray.menu.map((item) => item.label)).toEqual([
      'Weather: running',
      'GitHub: running',
      '(separator)',
      'Open MCP Tray',
      'Add to Claude Desktop',
      '(separator)',
      'Start at login (installed app only)',
      '(separator)',
      'Quit MCP Tray',
    ]);
    expect(tray.menu[0]?.submenu?.map((item) => [item.label, item.enabled])).toEqual([
      ['Start', false],
      ['Stop', true],
      ['Restart', true],
    ]);
  });

  it('stops a server from the tray menu, and the menu follows', async () => {
    expect(await app.order('click-tray', { path: ['Weather: running', 'Stop'] })).toBe(true);
    await waitFor('weather stopped', async () => (await serverState(app, 'weather')) === 'stopped');
    const tray = await waitFor('the menu rebuilt', async () => {
      const view = await app.order<TrayView>('tray');
      return view.menu[0]?.label === 'Weather: stopped' ? view : undefined;
    });
    expect(tray.menu[0]?.submenu?.[0]).toMatchObject({ label: 'Start', enabled: true });
    expect(await app.order('click-tray', { path: ['Weather: stopped', 'Start'] })).toBe(true);
    await waitFor('weather running again', async () => (await serverState(app, 'weather')) === 'running', 30_000);
  });

  it('pushes manager events to the window', async () => {
    const windows = await app.order<Array<{ sent: number }>>('windows');
    expect(windows[0]?.sent).toBeGreaterThan(0);
  });

  it('hides the window on close instead of quitting, and says so once', async () => {
    await app.order('close-window');
    await app.order('close-window');
    const windows = await app.order<Array<{ visible: boolean }>>('windows');
    expect(windows).toEqual([expect.objectContaining({ visible: false })]);
    const notices = app.messages.filter((message) => message.type === 'notification' && message.title === 'MCP Tray is still running');
    expect(notices).toHaveLength(1);
    const shellState = JSON.parse(readFileSync(path.join(app.dataDir, 'shell-state.json'), 'utf8')) as Record<string, unknown>;
    expect(shellState).toEqual({ closeToTrayExplained: true });
    expect(await serverState(app, 'weather')).toBe('running');
  });

  it('opens https links in the browser and blocks every navigation and new window', async () => {
    expect(await app.order('window-open', { url: 'https://open-meteo.com/' })).toEqual({ action: 'deny' });
    expect(await app.order('navigate', { url: 'https://github.com/settings/tokens' })).toEqual({ prevented: true });
    expect(await app.order('navigate', { url: 'file:///etc/passwd' })).toEqual({ prevented: true });
    expect(await app.order('window-open', { url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    const opened = app.messages.filter((message) => message.type === 'open-external').map((message) => message.url);
    expect(opened).toEqual(['https://open-meteo.com/', 'https://github.com/settings/tokens']);
  });

  it('denies permissions and cancels requests that leave the app', async () => {
    expect(await app.order('permission', { permission: 'media', origin: 'mcp-tray://app' })).toBe(false);
    expect(await app.order('permission', { permission: 'clipboard-sanitized-write', origin: 'mcp-tray://app' })).toBe(true);
    expect(await app.order('request-allowed', { url: 'https://example.com/track.gif' })).toBe(false);
    expect(await app.order('request-allowed', { url: 'mcp-tray://app/assets/app.js' })).toBe(true);
  });

  it('refuses to start a second manager on the same data folder', async () => {
    const second = await MainProcessUnderTest.start({ dataDir: app.dataDir });
    try {
      const refusal = await second.waitForMessage('error-box', 30_000);
      expect(refusal.title).toBe('MCP Tray is already running');
      expect(await second.exited).toBe(1);
    } finally {
      await second.dispose();
    }
  });

  it('on Quit, stops every server, closes the control socket, then exits', async () => {
    const pids = await Promise.all(
      ['weather', 'github'].map(async (id) => ((await app.invoke<Envelope>('health.get', { id })).result as { pid: number | null }).pid),
    );
    expect(pids.every((pid) => typeof pid === 'number')).toBe(true);
    await app.order('quit').catch(() => undefined);
    expect(await app.exited).toBe(0);
    for (const pid of pids) expect(isAlive(pid as number), `server pid ${pid}`).toBe(false);
    expect(existsSync(path.join(app.dataDir, 'control.sock'))).toBe(false);
  });
});

// Windows has no SIGTERM to send; there the OS ends the app and the orphan guard ends its servers.
describe.skipIf(process.platform === 'win32')('the main process on SIGTERM', { timeout: 60_000 }, () => {
  it('quits gracefully once (conf must not re-raise the signal first)', async () => {
    const app = await MainProcessUnderTest.start();
    try {
      await app.waitForMessage('window-loaded', 40_000);
      await waitFor('weather running', async () => (await serverState(app, 'weather')) === 'running', 30_000);
      const pid = ((await app.invoke<Envelope>('health.get', { id: 'weather' })).result as { pid: number }).pid;
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.child.signalCode).toBeNull();
      expect(isAlive(pid)).toBe(false);
      expect(existsSync(path.join(app.dataDir, 'control.sock'))).toBe(false);
    } finally {
      await app.dispose();
    }
  });
});
