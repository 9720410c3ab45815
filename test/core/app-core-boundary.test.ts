/**
 * What leaves the core for every surface (IPC, HTTP, control socket): calls it cannot make are
 * refused in words a person can act on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { MAX_INPUT_DEPTH } from '../../src/shared/input-depth';
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

  it('redacts a secret that a server echoes in a JSON-RPC error from the tools.call error message', async () => {
    await addChaos({ secretEnv: ['CHAOS_TOKEN'] });
    const secret = 'chaos-token-5e1d7b90c4';
    await core.call('secrets.set', { serverId: 'chaos', name: 'CHAOS_TOKEN', value: secret });
    const call = core.call('tools.call', { serverId: 'chaos', name: 'error_with_env', arguments: { name: 'CHAOS_TOKEN' } });
    await expect(call).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('upstream refused the key [redacted]') });
    await expect(call).rejects.not.toMatchObject({ message: expect.stringContaining(secret) });
  });

  it('refuses arguments nested deeper than the limit as invalid input, and takes them at the limit', async () => {
    await addChaos();
    const nested = (levels: number) => {
      let value: unknown = 'bottom';
      for (let level = 0; level < levels; level++) value = level % 2 === 0 ? [value] : { inner: value };
      return value;
    };
    const deep = core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'x', extra: nested(10_000) } });
    await expect(deep).rejects.toMatchObject({
      code: 'invalid_input',
      message: `arguments is nested more than ${MAX_INPUT_DEPTH} levels deep, more than MCP Tray accepts. Send deeply nested data as a JSON string instead.`,
    });
    // The input itself is level 0 and `arguments` level 1, so `extra` may hold this many more.
    const atLimit = await core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'x', extra: nested(MAX_INPUT_DEPTH - 2) } });
    expect(atLimit.result.isError).toBeFalsy();
    await expect(core.call('tools.call', { serverId: 'chaos', name: 'echo', arguments: { text: 'x', extra: nested(MAX_INPUT_DEPTH - 1) } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
