import { describe, expect, it } from 'vitest';
import { HeldTools, heldToolsLabel } from './held-tools';

describe('HeldTools', () => {
  it('gives a notice when tools are newly held back, naming them and how to review them', () => {
    const held = new HeldTools();
    const notice = held.update({ serverId: 'notes', held: ['search'] }, 'Notes');
    expect(notice).toEqual({
      title: 'Notes: a tool held back',
      body: 'Notes changed or added "search" since you approved its tools. MCP Tray holds it back from your AI clients until you approve it: open MCP Tray (Tools tab), or run: mcp-tray tools notes --changes',
      level: 'warning',
    });
    expect(held.update({ serverId: 'notes', held: ['search', 'write', 'delete'] }, 'Notes')?.title).toBe('Notes: 2 tools held back');
    expect(held.total).toBe(3);
  });

  it('stays quiet when held tools are approved or stay the same, and counts what is left', () => {
    const held = new HeldTools();
    held.update({ serverId: 'notes', held: ['search', 'write'] }, 'Notes');
    held.update({ serverId: 'other', held: ['a'] }, 'Other');
    expect(held.update({ serverId: 'notes', held: ['write'] }, 'Notes')).toBeUndefined();
    expect(held.update({ serverId: 'notes', held: ['write'] }, 'Notes')).toBeUndefined();
    expect(held.total).toBe(2);
    expect(held.update({ serverId: 'notes', held: [] }, 'Notes')).toBeUndefined();
    expect([...held.perServer.keys()]).toEqual(['other']);
  });

  it('words the count for one tool and for several', () => {
    expect(heldToolsLabel(1)).toBe('1 tool held back');
    expect(heldToolsLabel(4)).toBe('4 tools held back');
  });
});
