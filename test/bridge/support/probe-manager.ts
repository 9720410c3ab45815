/**
 * A manager process with the bridge probe server (test/fixtures/bridge-probe-server.ts) added as a
 * shared custom server, registered into Claude Desktop's and Cursor's configs in the temp home.
 */
import type { ConfigEntry } from '../../clients/support/entry-process';
import { waitFor } from '../../support/chaos';
import { bridgeProbeServerPath } from '../../support/bridge-probe';
import { textOf } from '../../support/mcp-child';
import { startBridgeManager, type BridgeManager } from './manager-process';

export const PROBE = 'probe';

export interface ProbeManager {
  manager: BridgeManager;
  /** The probe's entry as each client's config holds it. */
  entries: { claudeDesktop: ConfigEntry; cursor: ConfigEntry };
}

function entryOf(entries: Record<string, ConfigEntry>, client: string): ConfigEntry {
  const entry = entries[PROBE];
  if (!entry) throw new Error(`Registering ${client} wrote no entry for ${PROBE}.`);
  return entry;
}

export async function startProbeManager(prefix: string, options: { startAtLogin?: boolean } = {}): Promise<ProbeManager> {
  const manager = await startBridgeManager(prefix);
  try {
    await manager.control.call('servers.add', { id: PROBE, name: 'Bridge probe', command: process.execPath, args: [bridgeProbeServerPath], autostart: false });
    await manager.control.call('servers.setSharing', { id: PROBE, sharing: 'shared' });
    if (options.startAtLogin) await manager.control.call('settings.update', { startAtLogin: true });
    const claudeDesktop = entryOf(await manager.register('claude-desktop', [PROBE]), 'claude-desktop');
    const cursor = entryOf(await manager.register('cursor', [PROBE]), 'cursor');
    return { manager, entries: { claudeDesktop, cursor } };
  } catch (error) {
    await manager.remove();
    throw error;
  }
}

/** The pid of the probe process the manager supervises, once it runs. */
export async function managedProbePid(manager: BridgeManager): Promise<number> {
  return waitFor('the managed probe server to run', async () => {
    const { health } = await manager.control.call('servers.get', { id: PROBE });
    return health.state === 'running' && health.pid !== null ? health.pid : undefined;
  });
}

/** A probe tool called as the UI's playground calls it: through the manager's own client. Returns the result's text. */
export async function callFromTheUi(manager: BridgeManager, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const { result } = await manager.control.call('tools.call', { serverId: PROBE, name, arguments: args });
  return textOf(result);
}

/** The pid the probe reports to the UI. */
export async function pidSeenByTheUi(manager: BridgeManager): Promise<number> {
  return Number(await callFromTheUi(manager, 'whoami'));
}

export interface ProbeReceived {
  setLevel: string[];
  subscribe: string[];
  unsubscribe: string[];
  cancelled: string[];
}

/** What the probe server has received so far, asked through the manager's own client. */
export async function probeReceived(manager: BridgeManager): Promise<ProbeReceived> {
  return JSON.parse(await callFromTheUi(manager, 'received')) as ProbeReceived;
}
