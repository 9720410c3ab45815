/**
 * The usual cast of the bridge tests: a manager process with the probe server, Claude Desktop on it
 * through the 1.x SDK and Cursor through the 2.x SDK, each started from its registered entry.
 */
import { connectBridgedClient, connectBridgedClientV2, type BridgedClient, type BridgedClientOptions, type BridgedClientV2 } from './bridged-client';
import { startProbeManager, type ProbeManager } from './probe-manager';

export interface TwoClients extends ProbeManager {
  claude: BridgedClient;
  cursor: BridgedClientV2;
  /** Kills both clients and the manager, and removes the folders. */
  remove(): Promise<void>;
}

export async function probeWithTwoClients(prefix: string, capabilities?: BridgedClientOptions['capabilities']): Promise<TwoClients> {
  const setup = await startProbeManager(prefix);
  const started: Array<{ kill(): Promise<void> }> = [];
  const remove = async () => {
    for (const client of started) await client.kill();
    await setup.manager.remove();
  };
  try {
    const claude = await connectBridgedClient(setup.entries.claudeDesktop, { name: 'Claude Desktop', ...(capabilities ? { capabilities } : {}) });
    started.push(claude);
    const cursor = await connectBridgedClientV2(setup.entries.cursor, { name: 'Cursor', ...(capabilities ? { capabilities } : {}) });
    started.push(cursor);
    return { ...setup, claude, cursor, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
