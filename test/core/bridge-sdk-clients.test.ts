import { Client as ModernClient } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { createTestCore } from '../support/app-core-harness';
import { bridgeProbeServerPath } from '../support/bridge-probe';
import { BridgeSessionTransport } from '../support/bridge-session';
import { makeTempDir } from '../support/chaos';
import { textOf } from '../support/mcp-child';

describe('real SDK clients through the bridge hub', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;

  beforeEach(async () => {
    temp = await makeTempDir('bridge-sdk');
    ({ core } = await createTestCore(temp.dir));
    await core.call('servers.add', { id: 'probe', name: 'Probe', command: process.execPath, args: [bridgeProbeServerPath], autostart: false, sharing: 'shared' });
  });

  afterEach(async () => {
    await core.shutdown();
    await temp.remove();
  });

  it('serves a 2026-07-28 client (server/discover, per-request metadata) beside a 2025 client, on one process', async () => {
    const modern = new ModernClient({ name: 'modern-app', version: '2.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    const legacy = new LegacyClient({ name: 'legacy-app', version: '1.0.0' }, { capabilities: { sampling: {} } });
    await modern.connect(new BridgeSessionTransport(core.bridge, { serverId: 'probe', client: 'modern' }) as never);
    await legacy.connect(new BridgeSessionTransport(core.bridge, { serverId: 'probe', client: 'legacy' }) as never);
    try {
      expect(modern.getProtocolEra()).toBe('modern');
      expect((await modern.listTools()).tools.map((tool) => tool.name)).toContain('whoami');
      const progress: number[] = [];
      const slow = await modern.callTool({ name: 'slow', arguments: { ms: 60, steps: 3, label: 'modern' } }, { onprogress: (update) => progress.push(update.progress) });
      expect(textOf(slow)).toBe('modern done');
      expect(progress).toEqual([1, 2, 3]);

      expect(legacy.getServerVersion()).toMatchObject({ name: 'bridge-probe' });
      legacy.setRequestHandler(CreateMessageRequestSchema, async () => ({ role: 'assistant', content: { type: 'text', text: 'from legacy' }, model: 'm' }));
      expect(textOf(await legacy.callTool({ name: 'ask_sampling', arguments: { prompt: 'hi' } }))).toBe('from legacy');
      const pids = [textOf(await modern.callTool({ name: 'whoami', arguments: {} })), textOf(await legacy.callTool({ name: 'whoami', arguments: {} }))];
      expect(pids[0]).toBe(pids[1]);

      const { sessions } = await core.call('sessions.list', { serverId: 'probe' });
      expect(sessions.map((session) => [session.client, session.protocolVersion, session.clientInfo?.name]).sort()).toEqual([
        ['legacy', '2025-11-25', 'legacy-app'],
        ['modern', '2026-07-28', 'modern-app'],
      ]);
    } finally {
      await modern.close();
      await legacy.close();
    }
  });
});
