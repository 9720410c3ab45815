/**
 * A custom server (the chaos fixture) started by a client through our entry: the launcher runs it as
 * a child on the client's own stdio, with its settings and keychain secrets, passes its exit code on
 * and forwards the client's signals.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaosServerPath, isAlive, startsRecorded, waitFor } from '../support/chaos';
import { createClientSandbox, type ClientSandbox } from '../clients/support/client-sandbox';
import { ConfigEntrySchema, connectToEntry, type ConfigEntry, type LaunchedEntry } from '../clients/support/entry-process';

const SECRET = 'chaos-secret-value-4d7e9a1c';

describe('a custom server through the launcher', () => {
  let sandbox: ClientSandbox;
  let entry: ConfigEntry;
  let startLog: string;
  const running: LaunchedEntry[] = [];

  const launch = async (which: ConfigEntry = entry) => {
    const launched = await connectToEntry(which);
    running.push(launched);
    return launched;
  };

  async function register(id: string, command: string): Promise<ConfigEntry> {
    await sandbox.core.call('servers.add', {
      id,
      name: id,
      command,
      args: [chaosServerPath],
      env: { CHAOS_GREETING: 'hello from settings', CHAOS_START_LOG: startLog },
      secretEnv: ['CHAOS_SECRET'],
      autostart: false,
    });
    await sandbox.core.call('secrets.set', { serverId: id, name: 'CHAOS_SECRET', value: SECRET });
    const result = await sandbox.core.call('clients.register', { clientId: 'claude-desktop', serverIds: [id] });
    const config = JSON.parse(await readFile(result.configPath, 'utf8')) as { mcpServers: Record<string, unknown> };
    return ConfigEntrySchema.parse(config.mcpServers[id]);
  }

  beforeAll(async () => {
    sandbox = await createClientSandbox('launcher-custom');
    startLog = path.join(sandbox.dataDir, 'chaos-starts.log');
    entry = await register('chaos', process.execPath);
  });

  afterAll(async () => {
    for (const launched of running) launched.child.kill('SIGKILL');
    await sandbox?.remove();
  });

  it('runs it as a child with its settings and its secret, and nothing meant for the launcher', async () => {
    const server = await launch();
    const names = ['CHAOS_GREETING', 'CHAOS_SECRET', 'ELECTRON_RUN_AS_NODE', 'MCP_TRAY_HOME', 'MCP_TRAY_KEYCHAIN_SERVICE', 'MCP_TRAY_DBUS_SESSION_BUS_ADDRESS'];
    const result = await server.client.callTool({ name: 'echo_env', arguments: { names } });
    expect(result.structuredContent).toEqual({
      CHAOS_GREETING: 'hello from settings',
      CHAOS_SECRET: SECRET,
      ELECTRON_RUN_AS_NODE: null,
      MCP_TRAY_HOME: null,
      MCP_TRAY_KEYCHAIN_SERVICE: null,
      MCP_TRAY_DBUS_SESSION_BUS_ADDRESS: null,
    });
    const childPid = (await startsRecorded(startLog)).at(-1);
    expect(childPid).toBeDefined();
    expect(childPid).not.toBe(server.child.pid);
    expect(await server.close()).toEqual({ code: 0, signal: null });
    expect(isAlive(childPid ?? 0)).toBe(false);
    for (const line of server.stdout().split('\n').filter(Boolean)) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
  });

  it("passes the server's exit code on", async () => {
    const server = await launch();
    await server.client.callTool({ name: 'crash', arguments: { code: 7 } }).catch(() => undefined);
    expect(await server.exited).toEqual({ code: 7, signal: null });
  });

  it.skipIf(process.platform === 'win32')('forwards a signal from the client and dies of the same signal', async () => {
    const server = await launch();
    await server.client.listTools();
    const childPid = (await startsRecorded(startLog)).at(-1) ?? 0;
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGTERM' });
    await waitFor('the custom server to be gone too', () => !isAlive(childPid));
  });

  it.skipIf(!existsSync('/usr/bin/node'))('finds a bare command name although the client passed no PATH', async () => {
    const bare = await register('chaos-bare', 'node');
    expect(bare.env?.PATH).toBeUndefined();
    const server = await launch(bare);
    const result = await server.client.callTool({ name: 'echo', arguments: { text: 'found' } });
    expect(result.content).toEqual([{ type: 'text', text: 'found' }]);
    await server.close();
  });
});
