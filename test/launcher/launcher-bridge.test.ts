/**
 * The built launcher as a bridge, against a stand-in manager (a real control socket with a test
 * BridgePort behind it): relaying both ways, waiting for a manager that starts at login, starting
 * directly without one, surviving a manager that goes away mid-call, and taking no for an answer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../src/shared/contract';
import { controlSocketPath } from '../../src/surfaces/control-socket/socket-path';
import { makeTempDir, waitFor } from '../support/chaos';
import { startFakeManager, type FakeManager } from '../support/fake-bridge';
import { initializeRequest, startLauncher, type LauncherProcess } from '../support/launcher-process';

const NOT_RUNNING = 'MCP Tray launcher: MCP Tray is not running; starting "weather" directly.';

describe('the launcher as a bridge to the running manager', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  const managers: FakeManager[] = [];
  const launchers: LauncherProcess[] = [];

  const startManager = async (options: { requireToken?: boolean } = {}) => {
    const manager = await startFakeManager(dataDir, options);
    managers.push(manager);
    return manager;
  };
  const launch = (serverId: string, env: Record<string, string> = {}) => {
    const launcher = startLauncher(serverId, { MCP_TRAY_HOME: dataDir, MCP_TRAY_CLIENT: 'claude-desktop', MCP_TRAY_MANAGER_WAIT_MS: '60000', ...env });
    launchers.push(launcher);
    return launcher;
  };
  const startAtLogin = async (on: boolean) => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ app: { startAtLogin: on } }));
  };

  beforeEach(async () => {
    temp = await makeTempDir('lbridge');
    dataDir = path.join(temp.dir, 'data');
  });

  afterEach(async () => {
    for (const launcher of launchers.splice(0)) launcher.child.kill('SIGKILL');
    for (const manager of managers.splice(0)) await manager.stop();
    await temp.remove();
  });

  it('relays both ways, a message of several MB included, and names the client from MCP_TRAY_CLIENT', async () => {
    const manager = await startManager();
    const launcher = launch('weather');
    launcher.send(initializeRequest());
    expect(await launcher.answer(0)).toMatchObject({ result: { serverInfo: { name: 'fake-manager' } } });
    expect(manager.bridge.sessions[0]?.request).toEqual({ serverId: 'weather', client: 'claude-desktop' });
    launcher.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    launcher.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(await launcher.answer(1)).toMatchObject({ result: { tools: [{ name: 'echo' }, { name: 'hold' }] } });

    const big = 'ü€'.repeat(2 * 1024 * 1024);
    launcher.send({ jsonrpc: '2.0', id: 'big', method: 'tools/call', params: { name: 'echo', arguments: { text: big } } });
    const answer = await launcher.answer<{ result: { content: Array<{ text: string }> } }>('big');
    expect(answer.result.content[0]?.text).toBe(big);
    expect(manager.bridge.sessions[0]?.lines).toHaveLength(4);
    expect(launcher.stderr()).toBe('');
  });

  it('never reads the keychain in bridge mode', async () => {
    await startManager();
    // Without a session bus a direct start of github says so on stderr (below); bridged it never asks.
    const bridged = launch('github');
    bridged.send(initializeRequest());
    await bridged.answer(0);
    bridged.child.stdin.end();
    expect(await bridged.exited).toEqual({ code: 0, signal: null });
    expect(bridged.stderr()).toBe('');

    for (const manager of managers.splice(0)) await manager.stop();
    const direct = launch('github', { MCP_TRAY_KEYCHAIN_TIMEOUT_MS: '1000' });
    await direct.waitForStderr('the keychain');
  });

  it('closes the session and exits 0 when the client closes its stdin', async () => {
    const manager = await startManager();
    const launcher = launch('weather');
    launcher.send(initializeRequest());
    await launcher.answer(0);
    launcher.child.stdin.end();
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
    await waitFor('the session to close', () => manager.bridge.sessions[0]?.closed);
  });

  it('sends the control token where the manager requires one', async () => {
    const manager = await startManager({ requireToken: true });
    const launcher = launch('weather');
    launcher.send(initializeRequest());
    await launcher.answer(0);
    expect(manager.bridge.sessions).toHaveLength(1);
  });

  it('exits 1 with the manager\'s sentence when it refuses the session, without starting the server itself', async () => {
    const manager = await startManager();
    manager.bridge.refusal = new ContractError('conflict', 'The server "weather" is turned off. Turn it on in MCP Tray to use it.');
    const launcher = launch('weather');
    expect(await launcher.exited).toEqual({ code: 1, signal: null });
    expect(launcher.stderr()).toBe('MCP Tray launcher: MCP Tray did not open "weather" for this client: The server "weather" is turned off. Turn it on in MCP Tray to use it.\n');
    expect(launcher.lines).toEqual([]);
  });

  it('starts the server directly at once, and says so, when no manager runs and MCP Tray does not start at login', async () => {
    await startAtLogin(false);
    const launcher = launch('weather');
    launcher.send(initializeRequest());
    expect(await launcher.answer(0)).toMatchObject({ result: { serverInfo: { name: 'mcp-tray-weather' } } });
    expect(launcher.stderr()).toContain(NOT_RUNNING);
    expect(launcher.stderr()).not.toContain('waiting');
  });

  it('waits for a manager that starts at login, and bridges to it when it comes', async () => {
    await startAtLogin(true);
    const launcher = launch('weather');
    launcher.send(initializeRequest());
    await launcher.waitForStderr('MCP Tray launcher: MCP Tray is not running yet; waiting up to 60 s for it to start.');
    const manager = await startManager();
    expect(await launcher.answer(0)).toMatchObject({ result: { serverInfo: { name: 'fake-manager' } } });
    expect(manager.bridge.sessions).toHaveLength(1);
    expect(launcher.stderr()).not.toContain('directly');
  });

  it('starts directly, and says why, when something accepts on the control socket but never answers', async () => {
    await startAtLogin(false);
    const accepted: Socket[] = [];
    const silent = createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(controlSocketPath(dataDir), resolve));
    try {
      const launcher = launch('weather');
      launcher.send(initializeRequest());
      expect(await launcher.answer(0)).toMatchObject({ result: { serverInfo: { name: 'mcp-tray-weather' } } });
      expect(launcher.stderr()).toContain('MCP Tray launcher: MCP Tray could not be reached (MCP Tray did not answer within 4 s); starting "weather" directly.');
      expect(accepted).toHaveLength(1);
    } finally {
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('starts directly after the wait when the manager does not come', async () => {
    await startAtLogin(true);
    const launcher = launch('weather', { MCP_TRAY_MANAGER_WAIT_MS: '200' });
    launcher.send(initializeRequest());
    expect(await launcher.answer(0)).toMatchObject({ result: { serverInfo: { name: 'mcp-tray-weather' } } });
    expect(launcher.stderr()).toContain(NOT_RUNNING);
  });

  async function bridgedWithCallRunning(env: Record<string, string> = {}) {
    const manager = await startManager();
    const launcher = launch('weather', env);
    launcher.send(initializeRequest());
    await launcher.answer(0);
    launcher.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    launcher.send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'hold', arguments: {} } });
    await waitFor('the call to reach the manager', () => manager.bridge.sessions[0]?.held.length === 1);
    await manager.stop();
    managers.splice(managers.indexOf(manager), 1);
    const failed = await launcher.answer<{ error: { code: number; message: string } }>(5);
    expect(failed.error.code).toBe(-32603);
    expect(failed.error.message).toMatch(/^MCP Tray stopped while this request was running; /);
    return launcher;
  }

  it('fails the running call when the manager goes away, then resumes the session with the saved handshake when it comes back', async () => {
    const launcher = await bridgedWithCallRunning();
    const manager = await startManager();
    await launcher.line('tools/list_changed', (message) => message.method === 'notifications/tools/list_changed');
    expect(manager.bridge.sessions[0]?.request).toEqual({ serverId: 'weather', client: 'claude-desktop', resume: initializeRequest().params });
    launcher.send({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'echo', arguments: { text: 'again' } } });
    expect(await launcher.answer(6)).toMatchObject({ result: { content: [{ text: 'again' }] } });
    expect(launcher.lines.filter((line) => line.includes('"id":5'))).toHaveLength(1);
  });

  it('fails the running call when the manager goes away, then starts the server itself with the handshake replayed when none comes back', async () => {
    const launcher = await bridgedWithCallRunning({ MCP_TRAY_MANAGER_WAIT_MS: '200' });
    await launcher.line('tools/list_changed', (message) => message.method === 'notifications/tools/list_changed');
    expect(launcher.stderr()).toContain('MCP Tray launcher: MCP Tray is not running any more; starting "weather" directly.');
    launcher.send({ jsonrpc: '2.0', id: 7, method: 'tools/list' });
    const listed = await launcher.answer<{ result: { tools: Array<{ name: string }> } }>(7);
    expect(listed.result.tools.map((tool) => tool.name).sort()).toEqual(['get_forecast', 'get_weather', 'search_locations']);
    expect(launcher.lines.filter((line) => line.includes('mcp-tray-launcher-replay'))).toEqual([]);
    launcher.child.stdin.end();
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
  });
});
