/**
 * What leaves the core for every surface (IPC, HTTP, control socket): calls it cannot make are
 * refused in words a person can act on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { TASK_REQUIRED_REASON } from '../../src/shared/tool-task-support';
import { createTestCore } from '../support/app-core-harness';
import { chaosServerPath, makeTempDir } from '../support/chaos';

describe('AppCore at its boundary', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AppCore;

  beforeEach(async () => {
    temp = await makeTempDir('core-boundary');
    ({ core } = await createTestCore(temp.dir));
  });

  afterEach(async () => {
    await core.shutdown();
    await temp.remove();
  });

  const addChaos = (extra: Record<string, unknown> = {}) =>
    core.call('servers.add', { id: 'chaos', name: 'Chaos', command: process.execPath, args: [chaosServerPath], ...extra });

  it('lists a tool that runs only as an MCP task, and refuses a call to it with the reason', async () => {
    await addChaos();
    const { tools } = await core.call('tools.list', { serverId: 'chaos' });
    expect(tools.find((tool) => tool.name === 'task_only')?.execution).toEqual({ taskSupport: 'required' });
    const refused = core.call('tools.call', { serverId: 'chaos', name: 'task_only', arguments: {} });
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: `task_only: ${TASK_REQUIRED_REASON}` });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringContaining('callToolStream') });
  });

  it('redacts a secret that a server echoes in a JSON-RPC error, from tools.call and resources.read alike', async () => {
    await addChaos({ secretEnv: ['CHAOS_TOKEN'] });
    const secret = 'chaos-token-5e1d7b90c4';
    await core.call('secrets.set', { serverId: 'chaos', name: 'CHAOS_TOKEN', value: secret });
    const call = core.call('tools.call', { serverId: 'chaos', name: 'error_with_env', arguments: { name: 'CHAOS_TOKEN' } });
    await expect(call).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('upstream refused the key [redacted]') });
    await expect(call).rejects.not.toMatchObject({ message: expect.stringContaining(secret) });
    const read = core.call('resources.read', { serverId: 'chaos', uri: 'chaos://error-with-env/CHAOS_TOKEN' });
    await expect(read).rejects.toMatchObject({ message: expect.stringContaining('could not read with [redacted]') });
    await expect(read).rejects.not.toMatchObject({ message: expect.stringContaining(secret) });
  });
});
