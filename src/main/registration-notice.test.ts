import { describe, expect, it } from 'vitest';
import type { ClientChangeResult } from '../shared/contract';
import { describeClaudeRegistration } from './registration-notice';

const base: ClientChangeResult = {
  clientId: 'claude-desktop',
  configPath: '/home/me/.config/Claude/claude_desktop_config.json',
  diff: '',
  changed: true,
  conflicts: [],
  backupPath: null,
  restartHint: 'Quit Claude Desktop fully and open it again.',
};

describe('describeClaudeRegistration', () => {
  it('after a change, says what to do for Claude Desktop to load it', () => {
    expect(describeClaudeRegistration({ ok: true, result: base })).toEqual({
      title: 'Added to Claude Desktop',
      body: 'Quit Claude Desktop fully and open it again.',
      level: 'info',
    });
  });

  it('says when nothing had to change', () => {
    expect(describeClaudeRegistration({ ok: true, result: { ...base, changed: false } })).toMatchObject({ title: 'Claude Desktop is already set up', level: 'info' });
  });

  it('warns about entries of the same name that are not ours, and where to resolve it', () => {
    const notice = describeClaudeRegistration({ ok: true, result: { ...base, conflicts: ['github'] } });
    expect(notice.level).toBe('warning');
    expect(notice.body).toContain('github');
    expect(notice.body).toContain('Clients');
    expect(notice.body).toContain('Quit Claude Desktop fully');
  });

  it('passes an error message on as is', () => {
    const notice = describeClaudeRegistration({ ok: false, error: { code: 'failed', message: 'claude_desktop_config.json is not valid JSON (line 3, column 5).' } });
    expect(notice).toEqual({ title: 'Could not add MCP Tray to Claude Desktop', body: 'claude_desktop_config.json is not valid JSON (line 3, column 5).', level: 'error' });
  });
});
