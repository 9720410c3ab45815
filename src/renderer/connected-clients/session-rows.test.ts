import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../shared/contract';
import { sessionRows } from './session-rows';
import { rootsFromText, textFromRoots } from './roots-text';

function session(client: string, since: string, pid: number | null, clientInfo: ClientSession['clientInfo'] = null): ClientSession {
  return { sessionId: `${client}-${since}`, serverId: 'weather', client, clientInfo, protocolVersion: '2025-06-18', since, calls: 2, pid };
}

describe('sessionRows', () => {
  const sessions = [
    session('cursor', '2026-01-01T10:05:00.000Z', 41, { name: 'cursor', version: '1.2' }),
    session('claude-desktop', '2026-01-01T10:00:00.000Z', 40, { name: 'claude-ai', version: '0.9.2' }),
  ];

  it('lists the longest connected first, with what the client calls itself when that differs', () => {
    const rows = sessionRows(sessions, 'shared');
    expect(rows.map((row) => [row.client, row.detail])).toEqual([
      ['claude-desktop', 'claude-ai 0.9.2'],
      ['cursor', null],
    ]);
  });

  it('shows a pid only for a process of the session its own', () => {
    expect(sessionRows(sessions, 'shared').map((row) => row.ownPid)).toEqual([null, null]);
    expect(sessionRows(sessions, 'per-session').map((row) => row.ownPid)).toEqual([40, 41]);
  });
});

describe('roots text', () => {
  it('takes one folder per line, trimmed, without blank lines, and back', () => {
    expect(rootsFromText(' /home/me/site \r\n\n C:\\work\n')).toEqual(['/home/me/site', 'C:\\work']);
    expect(textFromRoots(['/a', '/b'])).toBe('/a\n/b');
  });
});
