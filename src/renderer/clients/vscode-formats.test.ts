import { describe, expect, it } from 'vitest';
import type { ClientStatus, RegistrationState } from '../../shared/contract';
import { vsCodeFormats } from './vscode-formats';

function status(id: 'copilot' | 'vscode', configExists: boolean, states: Record<string, RegistrationState>): ClientStatus {
  return {
    id,
    name: id,
    detected: true,
    configPath: `/home/ada/${id}.json`,
    configExists,
    servers: Object.entries(states).map(([serverId, state]) => ({ serverId, entryName: serverId, state })),
    error: null,
    restartHint: '',
  };
}

describe('vsCodeFormats', () => {
  it('is null unless both of VS Code\'s files exist', () => {
    expect(vsCodeFormats([status('copilot', true, {}), status('vscode', false, {})])).toBeNull();
    expect(vsCodeFormats([status('copilot', false, {}), status('vscode', true, {})])).toBeNull();
  });

  it('names our servers that have an entry in both files, outdated ones included', () => {
    const formats = vsCodeFormats([
      status('copilot', true, { weather: 'registered', github: 'outdated', time: 'registered' }),
      status('vscode', true, { weather: 'outdated', github: 'registered', time: 'not registered' }),
    ]);
    expect(formats?.inBoth).toEqual(['weather', 'github']);
  });

  it('does not count a foreign entry holding our name', () => {
    const formats = vsCodeFormats([status('copilot', true, { weather: 'registered' }), status('vscode', true, { weather: 'conflict' })]);
    expect(formats?.inBoth).toEqual([]);
  });
});
