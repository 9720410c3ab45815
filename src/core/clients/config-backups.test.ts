import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, listBackups, writeBackup, type BackupLocation } from './config-backups';

describe('config backups', () => {
  let root: string;
  let location: BackupLocation;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mcp-tray-backups-'));
    location = { dir: path.join(root, 'backups', 'claude-desktop'), fileName: 'claude_desktop_config.json' };
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps the newest five, with their exact bytes, readable by the owner only', async () => {
    const start = Date.UTC(2025, 0, 1, 12, 0, 0);
    for (let index = 0; index < 8; index++) await writeBackup(location, Buffer.from(`version ${index}`), new Date(start + index * 1000));
    const kept = await listBackups(location);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(await Promise.all(kept.map((file) => readFile(file, 'utf8')))).toEqual(['version 3', 'version 4', 'version 5', 'version 6', 'version 7']);
    expect(path.basename(kept[0] ?? '')).toBe('claude_desktop_config.json.2025-01-01T12-00-03-000Z-000.bak');
    if (process.platform !== 'win32') {
      expect((await stat(kept[0] ?? '')).mode & 0o777).toBe(0o600);
      expect((await stat(location.dir)).mode & 0o777).toBe(0o700);
    }
  });

  it('keeps two backups taken in the same millisecond apart', async () => {
    const now = new Date(Date.UTC(2025, 0, 1));
    const first = await writeBackup(location, Buffer.from('one'), now);
    const second = await writeBackup(location, Buffer.from('two'), now);
    expect(first).not.toBe(second);
    expect(await listBackups(location)).toEqual([first, second]);
  });
});
