import { describe, expect, it } from 'vitest';
import type { Health, ServerState, ServerSummary } from '../shared/contract';
import { buildTrayMenuModel, type TrayMenuEntry } from './tray-menu-model';
import { healthOf } from '../../test/support/health-fixture';

function health(serverId: string, state: ServerState, error: string | null = null): Health {
  return healthOf(serverId, state, { pid: state === 'running' ? 1234 : null, error });
}

function server(id: string, name: string, state: ServerState, options: { enabled?: boolean; error?: string } = {}): ServerSummary {
  return {
    id,
    name,
    description: '',
    kind: 'bundled',
    command: 'node',
    args: [],
    env: {},
    secretEnv: [],
    enabled: options.enabled ?? true,
    autostart: true,
    sharing: 'shared',
    roots: [],
    health: health(id, state, options.error ?? null),
  };
}

/** The menu as a person reads it: labels, with "[x]" for checked, "(off)" for disabled items. */
function describeMenu(entries: TrayMenuEntry[], indent = ''): string[] {
  return entries.flatMap((entry): string[] => {
    switch (entry.kind) {
      case 'separator':
        return [`${indent}---`];
      case 'note':
        return [`${indent}${entry.label} (note)`];
      case 'action':
        return [`${indent}${entry.label}${entry.enabled ? '' : ' (off)'}`];
      case 'checkbox':
        return [`${indent}[${entry.checked ? 'x' : ' '}] ${entry.label}${entry.enabled ? '' : ' (off)'}`];
      case 'submenu':
        return [`${indent}${entry.label} >`, ...describeMenu(entry.entries, `${indent}  `)];
    }
  });
}

describe('buildTrayMenuModel', () => {
  it('lists each server with its state and the actions that fit it, then the app items', () => {
    const menu = buildTrayMenuModel({
      servers: [server('weather', 'Weather', 'running'), server('github', 'GitHub', 'failed', { error: 'GitHub token is not set.' })],
      settings: { startAtLogin: true },
    });
    expect(describeMenu(menu)).toEqual([
      'Weather: running >',
      '  Start (off)',
      '  Stop',
      '  Restart',
      'GitHub: failed >',
      '  GitHub token is not set. (note)',
      '  Start',
      '  Stop (off)',
      '  Restart',
      '---',
      'Open MCP Tray',
      'Add to Claude Desktop',
      '---',
      '[x] Start at login',
      '---',
      'Quit MCP Tray',
    ]);
  });

  it('offers only Stop while a server starts, and nothing but a hint for a disabled one', () => {
    const menu = buildTrayMenuModel({
      servers: [server('weather', 'Weather', 'starting'), server('memory', 'Memory', 'stopped', { enabled: false })],
      settings: { startAtLogin: false },
    });
    expect(describeMenu(menu).slice(0, 9)).toEqual([
      'Weather: starting… >',
      '  Start (off)',
      '  Stop',
      '  Restart (off)',
      'Memory: disabled >',
      '  Disabled: enable it in the MCP Tray window (note)',
      '  Start (off)',
      '  Stop (off)',
      '  Restart (off)',
    ]);
  });

  it('says so when there is no server', () => {
    const menu = buildTrayMenuModel({ servers: [], settings: { startAtLogin: false } });
    expect(describeMenu(menu)[0]).toBe('No servers yet (note)');
  });

  it('cuts a long error to one short line', () => {
    const menu = buildTrayMenuModel({
      servers: [server('x', 'X', 'failed', { error: `first line\nsecond ${'word '.repeat(40)}` })],
      settings: { startAtLogin: false },
    });
    const submenu = menu[0];
    expect(submenu?.kind).toBe('submenu');
    const note = submenu?.kind === 'submenu' ? submenu.entries[0] : undefined;
    expect(note?.kind).toBe('note');
    const label = note && 'label' in note ? note.label : '';
    expect(label.length).toBeLessThanOrEqual(90);
    expect(label).not.toContain('\n');
    expect(label.endsWith('…')).toBe(true);
  });

  it('toggles start at login to the opposite of the saved setting, or explains why it cannot', () => {
    const enabledMenu = buildTrayMenuModel({ servers: [], settings: { startAtLogin: true } });
    expect(enabledMenu.find((entry) => entry.kind === 'checkbox')).toMatchObject({ action: { type: 'set-start-at-login', enabled: false } });

    const devMenu = buildTrayMenuModel({ servers: [], settings: { startAtLogin: false }, startAtLoginUnavailable: 'installed app only' });
    expect(describeMenu(devMenu)).toContain('[ ] Start at login (installed app only) (off)');
  });

  it('greys out "Add to Claude Desktop" while a registration runs', () => {
    const menu = buildTrayMenuModel({ servers: [], settings: { startAtLogin: false }, registeringClaudeDesktop: true });
    expect(describeMenu(menu)).toContain('Adding to Claude Desktop… (off)');
  });

  it('carries the server id in each server action', () => {
    const menu = buildTrayMenuModel({ servers: [server('weather', 'Weather', 'stopped')], settings: { startAtLogin: false } });
    const submenu = menu[0];
    const actions = submenu?.kind === 'submenu' ? submenu.entries.flatMap((entry) => (entry.kind === 'action' ? [entry.action] : [])) : [];
    expect(actions).toEqual([
      { type: 'start-server', serverId: 'weather' },
      { type: 'stop-server', serverId: 'weather' },
      { type: 'restart-server', serverId: 'weather' },
    ]);
  });

  it('puts a line saying how many tools are held back above everything, and on each server concerned', () => {
    const menu = buildTrayMenuModel({
      servers: [server('weather', 'Weather', 'running'), server('notes', 'Notes', 'running')],
      settings: { startAtLogin: false },
      heldTools: new Map([['notes', ['search', 'write']]]),
    });
    expect(describeMenu(menu).slice(0, 11)).toEqual([
      '2 tools held back: review in MCP Tray',
      '---',
      'Weather: running >',
      '  Start (off)',
      '  Stop',
      '  Restart',
      'Notes: running (2 tools held back) >',
      '  2 tools held back: review…',
      '  Start (off)',
      '  Stop',
      '  Restart',
    ]);
    expect(menu[0]).toMatchObject({ kind: 'action', action: { type: 'open-window' } });
  });

  it('has no held-back line when nothing is held, or only for a server that is gone', () => {
    const menu = buildTrayMenuModel({ servers: [server('weather', 'Weather', 'running')], settings: { startAtLogin: false }, heldTools: new Map([['gone', ['a']]]) });
    expect(describeMenu(menu).some((line) => line.includes('held back'))).toBe(false);
  });
});
