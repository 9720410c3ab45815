import { describe, expect, it } from 'vitest';
import type { ToolAccess } from '../../shared/contract';
import { ALL_CLIENTS, setEnabledInput, shownCount, toolSwitchState } from './tool-switch-state';

const access: ToolAccess = {
  serverId: 'github',
  offForAll: ['create_issue'],
  offByClient: { Cursor: ['search_code', 'create_issue'], codex: [] },
  clients: ['claude-desktop', 'Cursor', 'codex'],
};
const cursor = { kind: 'client', name: 'cursor' } as const;
const claude = { kind: 'client', name: 'claude-desktop' } as const;

describe('toolSwitchState', () => {
  it('shows a tool off for every client as off, and locked, whatever client is chosen', () => {
    expect(toolSwitchState(access, 'create_issue', ALL_CLIENTS)).toEqual({ on: false, lockedReason: null });
    expect(toolSwitchState(access, 'create_issue', claude)).toMatchObject({ on: false, lockedReason: expect.stringContaining('All clients') });
    expect(toolSwitchState(access, 'create_issue', cursor).on).toBe(false);
  });

  it('shows a tool off for one client as off for it only, matching its name whatever the case', () => {
    expect(toolSwitchState(access, 'search_code', cursor)).toEqual({ on: false, lockedReason: null });
    expect(toolSwitchState(access, 'search_code', claude)).toEqual({ on: true, lockedReason: null });
    expect(toolSwitchState(access, 'search_code', ALL_CLIENTS)).toEqual({ on: true, lockedReason: null });
  });

  it('counts the tools the chosen clients are shown', () => {
    const tools = ['create_issue', 'search_code', 'get_me'];
    expect(shownCount(access, tools, ALL_CLIENTS)).toBe(2);
    expect(shownCount(access, tools, cursor)).toBe(1);
  });
});

describe('setEnabledInput', () => {
  it('names the client only when one is chosen', () => {
    expect(setEnabledInput('github', 'get_me', false, ALL_CLIENTS)).toEqual({ serverId: 'github', tool: 'get_me', enabled: false });
    expect(setEnabledInput('github', 'get_me', true, cursor)).toEqual({ serverId: 'github', tool: 'get_me', enabled: true, client: 'cursor' });
  });
});
