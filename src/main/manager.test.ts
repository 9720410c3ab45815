import { describe, expect, it, vi } from 'vitest';
import { AppSettingsSchema, ContractError, parseInput, type MethodName, type MethodResult } from '../shared/contract';
import type { ContractPort as Manager } from '../surfaces/contract-port';
import { observeSettings } from './manager';

/** Just enough of AppCore: validates like it, keeps settings, fails on anything else. */
function fakeManager(): Manager {
  let settings = AppSettingsSchema.parse({});
  return {
    async call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
      const params = parseInput(method, input);
      if (method === 'settings.update') {
        settings = { ...settings, ...(params as Partial<typeof settings>) };
        return settings as MethodResult<M>;
      }
      if (method === 'settings.get') return settings as MethodResult<M>;
      throw new ContractError('not_found', `${method} is not in this fake`);
    },
    on: () => () => {},
  };
}

describe('observeSettings', () => {
  it('reports each saved settings change, with the saved values', async () => {
    const onSettings = vi.fn();
    const manager = observeSettings(fakeManager(), onSettings);
    await manager.call('settings.update', { startAtLogin: true });
    expect(onSettings).toHaveBeenCalledTimes(1);
    expect(onSettings.mock.calls[0]?.[0]).toMatchObject({ startAtLogin: true, healthIntervalMs: 15_000 });
  });

  it('stays quiet for other methods and for refused updates', async () => {
    const onSettings = vi.fn();
    const manager = observeSettings(fakeManager(), onSettings);
    await manager.call('settings.get', {});
    await expect(manager.call('settings.update', { healthIntervalMs: 5 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(onSettings).not.toHaveBeenCalled();
  });

  it('returns the result even when applying it to the OS throws', async () => {
    const manager = observeSettings(fakeManager(), () => {
      throw new Error('no login items here');
    });
    await expect(manager.call('settings.update', { startAtLogin: true })).resolves.toMatchObject({ startAtLogin: true });
  });
});
