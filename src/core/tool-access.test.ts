import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../shared/contract';
import { SettingsStore } from './settings';
import { ToolSwitches } from './tool-access';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-tool-access-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): ToolSwitches {
  return new ToolSwitches({ settings: SettingsStore.open({ dir }), registeredClients: ['claude-desktop', 'cursor'] });
}

function savedToolAccess(): unknown {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as { toolAccess?: unknown }).toolAccess;
}

describe('ToolSwitches', () => {
  it('turns a tool off for one client only, and keeps that in settings.json across a restart', () => {
    open().setEnabled('github', 'create_issue', false, 'claude-desktop');
    const switches = open();
    expect(switches.offFor('github', 'claude-desktop', 'create_issue')).toBe('this client');
    expect(switches.offFor('github', 'cursor', 'create_issue')).toBeUndefined();
    expect(switches.offFor('github', 'claude-desktop', 'get_issue')).toBeUndefined();
    expect(savedToolAccess()).toEqual({ github: { offForAll: [], offByClient: { 'claude-desktop': ['create_issue'] }, clientsSeen: [] } });
  });

  it('turns a tool off for every client and on again', () => {
    const switches = open();
    switches.setEnabled('github', 'create_issue', false);
    expect(switches.offFor('github', 'anyone', 'create_issue')).toBe('every client');
    expect(switches.setEnabled('github', 'create_issue', true).offForAll).toEqual([]);
    expect(switches.offFor('github', 'anyone', 'create_issue')).toBeUndefined();
  });

  it('says where to turn a refused tool back on, for one client or for all', () => {
    const switches = open();
    switches.setEnabled('github', 'create_issue', false, 'claude-desktop');
    switches.setEnabled('github', 'update_issue', false);
    switches.setEnabled('github', 'get_me', false, 'Claude Code');
    expect(switches.refusal('github', 'claude-desktop', 'create_issue')).toBe(
      '"create_issue" is turned off for claude-desktop in MCP Tray. Turn it on in MCP Tray (Tools tab) or with: mcp-tray tools github --enable create_issue --client claude-desktop',
    );
    expect(switches.refusal('github', 'cursor', 'update_issue')).toBe(
      '"update_issue" is turned off for every client in MCP Tray. Turn it on in MCP Tray (Tools tab) or with: mcp-tray tools github --enable update_issue',
    );
    expect(switches.refusal('github', 'Claude Code', 'get_me')).toContain('--enable get_me --client "Claude Code"');
    expect(switches.refusal('github', 'cursor', 'create_issue')).toBeUndefined();
  });

  it('refuses to turn on for one client a tool that is off for every client, saying what to do', () => {
    const switches = open();
    switches.setEnabled('github', 'create_issue', false);
    let caught: unknown;
    try {
      switches.setEnabled('github', 'create_issue', true, 'cursor');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContractError);
    expect((caught as ContractError).code).toBe('conflict');
    expect((caught as ContractError).message).toContain('mcp-tray tools github --enable create_issue');
  });

  it('offers the clients seen on a server first, then those MCP Tray registers with', () => {
    const switches = open();
    switches.noteClient('weather', 'Some Client');
    switches.noteClient('weather', 'cursor');
    switches.noteClient('weather', 'Some Client');
    expect(open().access('weather').clients).toEqual(['Some Client', 'cursor', 'claude-desktop']);
    expect(open().access('github').clients).toEqual(['claude-desktop', 'cursor']);
  });

  it('matches client names without regard to case, keeping the name first given', () => {
    const switches = open();
    switches.setEnabled('github', 'create_issue', false, 'Cursor');
    switches.setEnabled('github', 'get_me', false, 'CURSOR');
    expect(switches.offFor('github', 'cursor', 'create_issue')).toBe('this client');
    expect(switches.access('github').offByClient).toEqual({ Cursor: ['create_issue', 'get_me'] });
    switches.setEnabled('github', 'create_issue', true, 'cursor');
    expect(open().offFor('github', 'cURSOR', 'create_issue')).toBeUndefined();
    expect(open().offFor('github', 'cURSOR', 'get_me')).toBe('this client');
    switches.noteClient('github', 'Claude-Desktop');
    switches.noteClient('github', 'claude-desktop');
    expect(open().access('github').clients).toEqual(['Claude-Desktop', 'cursor']);
  });

  it('tells its listeners which server changed, only when something did', () => {
    const switches = open();
    const changed: string[] = [];
    switches.onChange((serverId) => changed.push(serverId));
    switches.setEnabled('github', 'create_issue', false, 'cursor');
    switches.setEnabled('github', 'create_issue', false, 'cursor');
    switches.setEnabled('weather', 'get_forecast', false);
    switches.setEnabled('github', 'create_issue', true, 'cursor');
    expect(changed).toEqual(['github', 'weather', 'github']);
    expect(switches.access('github').offByClient).toEqual({});
  });

  it('forgets the switches of servers that are gone', () => {
    const switches = open();
    switches.setEnabled('mine', 'a', false);
    switches.setEnabled('github', 'b', false);
    switches.keepOnly(new Set(['github', 'weather']));
    expect(Object.keys(savedToolAccess() as object)).toEqual(['github']);
    expect(open().offFor('mine', 'cursor', 'a')).toBeUndefined();
  });
});
