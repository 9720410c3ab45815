/**
 * What clients behind the bridge see when things break: the server crashes under two clients, the
 * manager is killed and comes back under a connected client, and no manager runs at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/chaos';
import { textOf } from '../support/mcp-child';
import { connectBridgedClient, connectBridgedClientV2, type ClientProcess } from './support/bridged-client';
import { managedProbePid, startProbeManager, type ProbeManager } from './support/probe-manager';
import { endlessSlow, notificationsOf, recordProgress, untilCancelled } from './support/progress';

const CRASHED = 'Server "probe" stopped while this request was running; MCP Tray restarts it.';
const DIRECT_START = 'MCP Tray launcher: MCP Tray is not running; starting "probe" directly.';
/** Long enough for a manager process to start again under a loaded machine; the launcher stops waiting as soon as it is back. */
const MANAGER_WAIT = { MCP_TRAY_MANAGER_WAIT_MS: '60000' };

const listChanged = (client: ClientProcess) => notificationsOf(client.received, 'notifications/tools/list_changed').length;

describe('faults under bridged clients', { timeout: 120_000 }, () => {
  const cleanups: Array<() => Promise<void>> = [];
  const track = <T extends ClientProcess>(client: T): T => {
    cleanups.push(() => client.kill());
    return client;
  };
  const manage = async (prefix: string, options: { startAtLogin?: boolean } = {}): Promise<ProbeManager> => {
    const setup = await startProbeManager(prefix, options);
    cleanups.push(() => setup.manager.remove());
    return setup;
  };

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('fails the running calls of a crashed server clearly, keeps both sessions, and says list_changed once it is back', async () => {
    const { manager, entries } = await manage('bridge-crash');
    const claude = track(await connectBridgedClient(entries.claudeDesktop, { name: 'Claude Desktop' }));
    const cursor = track(await connectBridgedClientV2(entries.cursor, { name: 'Cursor' }));
    const before = await managedProbePid(manager);

    const progress = recordProgress();
    const running = claude.client.callTool(endlessSlow('claude-running'), undefined, untilCancelled(progress));
    running.catch(() => {});
    await progress.started;
    const changedBefore = { claude: listChanged(claude), cursor: listChanged(cursor) };

    const crash = cursor.client.callTool({ name: 'crash', arguments: {} });
    await expect(crash).rejects.toThrow(CRASHED);
    await expect(running).rejects.toThrow(CRASHED);

    await waitFor('list_changed for both clients once the server is back', () => listChanged(claude) > changedBefore.claude && listChanged(cursor) > changedBefore.cursor);
    const after = await managedProbePid(manager);
    expect(after).not.toBe(before);
    expect(Number(textOf(await claude.client.callTool({ name: 'whoami', arguments: {} })))).toBe(after);
    expect(Number(textOf(await cursor.client.callTool({ name: 'whoami', arguments: {} })))).toBe(after);
    expect(claude.errors).toEqual([]);
    expect(cursor.errors).toEqual([]);
  });

  it('fails a call running when the manager dies, and carries on through the manager once it is back', async () => {
    const { manager, entries } = await manage('bridge-restart', { startAtLogin: true });
    const claude = track(await connectBridgedClient(entries.claudeDesktop, { name: 'Claude Desktop', extraEnv: MANAGER_WAIT }));
    const progress = recordProgress();
    const running = claude.client.callTool(endlessSlow('claude-running'), undefined, untilCancelled(progress));
    running.catch(() => {});
    await progress.started;
    const changedBefore = listChanged(claude);

    await manager.kill();
    await expect(running).rejects.toThrow('MCP Tray stopped while this request was running');
    await manager.start();

    await waitFor('list_changed once the session is open again', () => listChanged(claude) > changedBefore, 60_000);
    const pid = Number(textOf(await claude.client.callTool({ name: 'whoami', arguments: {} })));
    expect(pid).toBe(await managedProbePid(manager));
    expect(claude.stderr()).not.toContain(DIRECT_START);
    expect(claude.errors).toEqual([]);
  });

  it('starts the server itself, and says so on stderr, when no manager runs', async () => {
    const { manager, entries } = await manage('bridge-no-manager');
    await manager.kill();
    const claude = track(await connectBridgedClient(entries.claudeDesktop, { name: 'Claude Desktop' }));
    const pid = Number(textOf(await claude.client.callTool({ name: 'whoami', arguments: {} })));
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(claude.pid);
    expect(claude.stderr()).toContain(DIRECT_START);
    expect(claude.stderr()).not.toContain('waiting');
  });

  it('waits for a manager that is starting when MCP Tray starts at login, and bridges to it', async () => {
    const { manager, entries } = await manage('bridge-wait', { startAtLogin: true });
    await manager.kill();
    let stderr = '';
    const connecting = connectBridgedClientV2(entries.cursor, { name: 'Cursor', extraEnv: MANAGER_WAIT, onStderr: (text) => (stderr += text) });
    connecting.then(track, () => {});
    await waitFor('the launcher to wait for MCP Tray', () => stderr.includes('MCP Tray launcher: MCP Tray is not running yet; waiting up to 60 s for it to start.'));
    await manager.start();
    const cursor = await connecting;
    const pid = Number(textOf(await cursor.client.callTool({ name: 'whoami', arguments: {} })));
    expect(pid).toBe(await managedProbePid(manager));
    expect(cursor.stderr()).not.toContain(DIRECT_START);
  });
});
