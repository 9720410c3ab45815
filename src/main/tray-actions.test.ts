import { describe, expect, it, vi } from 'vitest';
import { ContractError, type MethodName } from '../shared/contract';
import type { ContractPort } from '../surfaces/contract-port';
import type { Notice } from './registration-notice';
import { runTrayAction, type TrayActionContext } from './tray-actions';

function context(call: (method: MethodName, input: unknown) => Promise<unknown>) {
  const notices: Notice[] = [];
  const registering: boolean[] = [];
  const ctx: TrayActionContext = {
    manager: { call: call as ContractPort['call'], on: () => () => {} },
    openWindow: vi.fn(),
    quit: vi.fn(),
    notify: (notice) => notices.push(notice),
    setRegisteringClaudeDesktop: (value) => registering.push(value),
  };
  return { ctx, notices, registering };
}

describe('runTrayAction', () => {
  it('starts, stops and restarts a server through the contract', async () => {
    const call = vi.fn(async () => ({}));
    const { ctx } = context(call);
    await runTrayAction({ type: 'start-server', serverId: 'weather' }, ctx);
    await runTrayAction({ type: 'stop-server', serverId: 'weather' }, ctx);
    await runTrayAction({ type: 'restart-server', serverId: 'github' }, ctx);
    expect(call.mock.calls).toEqual([
      ['servers.start', { id: 'weather' }],
      ['servers.stop', { id: 'weather' }],
      ['servers.restart', { id: 'github' }],
    ]);
  });

  it('tells the person why a server did not start', async () => {
    const { ctx, notices } = context(async () => {
      throw new ContractError('conflict', 'Server "weather" is disabled. Enable it first.');
    });
    await runTrayAction({ type: 'start-server', serverId: 'weather' }, ctx);
    expect(notices).toEqual([{ title: 'Could not start weather', body: 'Server "weather" is disabled. Enable it first.', level: 'error' }]);
  });

  it('registers with Claude Desktop, greying the item out meanwhile, and reports the outcome', async () => {
    const call = vi.fn(async () => ({
      clientId: 'claude-desktop',
      configPath: '/c.json',
      diff: '+x',
      changed: true,
      conflicts: [],
      backupPath: null,
      restartHint: 'Restart Claude Desktop.',
    }));
    const { ctx, notices, registering } = context(call);
    await runTrayAction({ type: 'register-claude-desktop' }, ctx);
    expect(call).toHaveBeenCalledWith('clients.register', { clientId: 'claude-desktop' });
    expect(registering).toEqual([true, false]);
    expect(notices).toEqual([{ title: 'Added to Claude Desktop', body: 'Restart Claude Desktop.', level: 'info' }]);
  });

  it('reports a failed registration and still re-enables the item', async () => {
    const { ctx, notices, registering } = context(async () => {
      throw new Error('EACCES: permission denied');
    });
    await runTrayAction({ type: 'register-claude-desktop' }, ctx);
    expect(registering).toEqual([true, false]);
    expect(notices[0]).toMatchObject({ level: 'error', body: 'EACCES: permission denied' });
  });

  it('saves "start at login" through the settings method, and opens or quits', async () => {
    const call = vi.fn(async () => ({}));
    const { ctx } = context(call);
    await runTrayAction({ type: 'set-start-at-login', enabled: true }, ctx);
    expect(call).toHaveBeenCalledWith('settings.update', { startAtLogin: true });
    await runTrayAction({ type: 'open-window' }, ctx);
    await runTrayAction({ type: 'quit' }, ctx);
    expect(ctx.openWindow).toHaveBeenCalledTimes(1);
    expect(ctx.quit).toHaveBeenCalledTimes(1);
  });
});
