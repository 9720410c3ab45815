import { describe, expect, it } from 'vitest';
import { decideWindowClose, shouldStartHidden } from './window-behaviour';

describe('decideWindowClose', () => {
  it('hides instead of closing, and explains only the first time', () => {
    expect(decideWindowClose({ quitting: false, explainedBefore: false })).toEqual({ hideInstead: true, explain: true });
    expect(decideWindowClose({ quitting: false, explainedBefore: true })).toEqual({ hideInstead: true, explain: false });
  });

  it('lets the window close when the app quits', () => {
    expect(decideWindowClose({ quitting: true, explainedBefore: false })).toEqual({ hideInstead: false, explain: false });
  });
});

describe('shouldStartHidden', () => {
  it('stays in the tray when started at login', () => {
    expect(shouldStartHidden(['/opt/MCP Tray/mcp-tray', '--hidden'], false)).toBe(true);
    expect(shouldStartHidden(['/Applications/MCP Tray.app/Contents/MacOS/MCP Tray'], true)).toBe(true);
  });

  it('shows the window when the person starts it', () => {
    expect(shouldStartHidden(['/opt/MCP Tray/mcp-tray'], false)).toBe(false);
  });
});
