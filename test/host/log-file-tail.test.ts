import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/shared/contract';
import { readLogTail } from '../../src/host/log-file-tail';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mcp-tray-log-tail-'));
  await mkdir(path.join(dataDir, 'logs'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

let seq = 0;
function line(level: LogEntry['level'], message: string, fields?: Record<string, unknown>, source: LogEntry['source'] = 'call'): string {
  seq++;
  return JSON.stringify({ seq, serverId: 'weather', time: new Date(Date.UTC(2025, 0, 1, 12, seq)).toISOString(), level, source, message, ...(fields ? { fields } : {}) });
}

describe('readLogTail', () => {
  it('keeps only the calls the named client made, whatever the case, across rotated files', async () => {
    await writeFile(path.join(dataDir, 'logs', 'weather.1.jsonl'), [line('info', 'old call', { tool: 'get_weather', client: 'Claude-Desktop' }), line('info', 'by cursor', { client: 'cursor' })].join('\n') + '\n');
    await writeFile(
      path.join(dataDir, 'logs', 'weather.jsonl'),
      [line('info', 'no client', { tool: 'get_weather' }), line('warn', 'new call', { tool: 'get_forecast', client: 'claude-desktop' }), line('info', 'argument only', { arguments: { client: 'claude-desktop' } }), line('info', 'client claude-desktop connected', { client: 'claude-desktop' }, 'lifecycle')].join('\n') + '\n',
    );
    const byClaude = await readLogTail(dataDir, 'weather', 10, { client: 'claude-desktop' });
    expect(byClaude.map((entry) => entry.message)).toEqual(['old call', 'new call']);
    const warnByClaude = await readLogTail(dataDir, 'weather', 10, { client: 'CLAUDE-DESKTOP', minLevel: 'warn' });
    expect(warnByClaude.map((entry) => entry.message)).toEqual(['new call']);
    expect(await readLogTail(dataDir, 'weather', 10, { client: 'codex' })).toEqual([]);
    expect(await readLogTail(dataDir, 'weather', 10)).toHaveLength(6);
  });
});
