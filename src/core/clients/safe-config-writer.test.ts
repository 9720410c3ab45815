import { chmod, lstat, mkdir, mkdtemp, open, readdir, readFile, rm, stat, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract';
import { BACKUPS_KEPT, listBackups, writeBackup, type BackupLocation } from './config-backups';
import { STALE_TEMP_FILE_MS } from './config-temp-files';
import { rewriteConfigFile } from './safe-config-writer';

describe('rewriteConfigFile', () => {
  let root: string;
  let file: string;
  let backup: BackupLocation;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mcp-tray-writer-'));
    await mkdir(path.join(root, 'client'));
    file = path.join(root, 'client', 'config.json');
    backup = { dir: path.join(root, 'backups'), fileName: 'config.json' };
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const appendLine = (line: string) => (current: string | null) => `${current ?? ''}${line}\n`;

  it('writes through a temp file, backs up the old bytes and leaves no temp file behind', async () => {
    await writeFile(file, 'old\n');
    const outcome = await rewriteConfigFile({ filePath: file, transform: appendLine('new'), createFolder: false, backup });
    expect(await readFile(file, 'utf8')).toBe('old\nnew\n');
    expect(outcome).toMatchObject({ before: 'old\n', after: 'old\nnew\n', changed: true });
    expect(await readFile(outcome.backupPath ?? '', 'utf8')).toBe('old\n');
    expect(await readdir(path.dirname(file))).toEqual(['config.json']);
  });

  it('does not write (nor back up) when nothing changes', async () => {
    await writeFile(file, 'same\n');
    const outcome = await rewriteConfigFile({ filePath: file, transform: (current) => current, createFolder: false, backup });
    expect(outcome).toMatchObject({ changed: false, backupPath: null });
    expect(await listBackups(backup)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')("keeps the file's mode, and creates a new file readable by its owner only", async () => {
    await writeFile(file, '{}\n');
    await chmod(file, 0o640);
    await rewriteConfigFile({ filePath: file, transform: appendLine('x'), createFolder: false, backup });
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    const fresh = path.join(root, 'client', 'fresh.json');
    await rewriteConfigFile({ filePath: fresh, transform: appendLine('x'), createFolder: false, backup });
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
  });

  it('leaves the file byte for byte as it was when the transform refuses', async () => {
    const original = Buffer.from([0x7b, 0x0a, 0x20, 0x22, 0x61, 0x22, 0x3a, 0x20, 0x0a]);
    await writeFile(file, original);
    const refuse = () => {
      throw new ContractError('failed', 'refused');
    };
    await expect(rewriteConfigFile({ filePath: file, transform: refuse, createFolder: false, backup })).rejects.toThrow('refused');
    expect(Buffer.compare(await readFile(file), original)).toBe(0);
    expect(await readdir(path.dirname(file))).toEqual(['config.json']);
  });

  it('merges again instead of overwriting when another program writes the file between our read and our rename', async () => {
    await writeFile(file, 'base\n');
    let externalWrites = 0;
    const outcome = await rewriteConfigFile({
      filePath: file,
      transform: appendLine('ours'),
      createFolder: false,
      backup,
      beforeRename: async () => {
        if (externalWrites > 0) return;
        externalWrites += 1;
        await writeFile(file, 'base\ntheirs\n');
      },
    });
    expect(await readFile(file, 'utf8')).toBe('base\ntheirs\nours\n');
    expect(outcome.before).toBe('base\ntheirs\n');
  });

  it('gives up, leaving the other program its file, when the file never stops changing', async () => {
    await writeFile(file, '0\n');
    let round = 0;
    const keepWriting = async () => {
      round += 1;
      await writeFile(file, `${round}\n`);
    };
    await expect(rewriteConfigFile({ filePath: file, transform: appendLine('ours'), createFolder: false, backup, beforeRename: keepWriting })).rejects.toThrow(
      /kept changing while MCP Tray was updating it/,
    );
    expect(await readFile(file, 'utf8')).toBe(`${round}\n`);
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('creates a missing folder only when allowed', async () => {
    const nested = path.join(root, 'missing', 'config.json');
    await expect(rewriteConfigFile({ filePath: nested, transform: appendLine('x'), createFolder: false, backup })).rejects.toThrow(/does not exist/);
    await rewriteConfigFile({ filePath: nested, transform: appendLine('x'), createFolder: true, backup });
    expect(await readFile(nested, 'utf8')).toBe('x\n');
  });

  it.skipIf(process.platform === 'win32')('writes a symlinked config through to its target, keeping the link', async () => {
    const target = path.join(root, 'dotfiles.json');
    await writeFile(target, 'a\n');
    await symlink(target, file);
    await rewriteConfigFile({ filePath: file, transform: appendLine('b'), createFolder: false, backup });
    expect(await readFile(target, 'utf8')).toBe('a\nb\n');
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
  });

  it('refuses a file that is not UTF-8, leaving it alone', async () => {
    await writeFile(file, Buffer.from([0xff, 0xfe, 0x7b]));
    await expect(rewriteConfigFile({ filePath: file, transform: appendLine('x'), createFolder: false, backup })).rejects.toThrow(/is not UTF-8 text/);
  });

  it('waits for a program that truncated the file to write it again, and merges into what it wrote', async () => {
    await writeFile(file, 'theirs\n');
    // The other program truncates its config and will write it again through the same descriptor.
    const theirs = await open(file, 'w');
    let theyWrote = false;
    const finishTheirWrite = async () => {
      if (theyWrote) return;
      theyWrote = true;
      await theirs.write('theirs\n');
      await theirs.close();
    };
    const outcome = await rewriteConfigFile({ filePath: file, transform: appendLine('ours'), createFolder: false, backup, emptyFilePause: finishTheirWrite });
    // Had we written in the gap, their write would now land in the file we replaced.
    await finishTheirWrite();
    expect(await readFile(file, 'utf8')).toBe('theirs\nours\n');
    expect(outcome.before).toBe('theirs\n');
  });

  it('writes an empty file once it stayed empty and untouched through the pause', async () => {
    await writeFile(file, '');
    let pauses = 0;
    const outcome = await rewriteConfigFile({
      filePath: file,
      transform: appendLine('ours'),
      createFolder: false,
      backup,
      emptyFilePause: async () => {
        pauses += 1;
        // Still empty, but touched: someone is at work on it, so it is not trusted yet.
        if (pauses === 1) await utimes(file, new Date(), new Date(Date.now() + 60_000));
      },
    });
    expect(pauses).toBe(2);
    expect(outcome).toMatchObject({ before: '', changed: true, backupPath: null });
    expect(await readFile(file, 'utf8')).toBe('ours\n');
    expect(await listBackups(backup)).toEqual([]);
  });

  it('never writes over an empty file that keeps being truncated again', async () => {
    await writeFile(file, '');
    let round = 0;
    const retruncate = async () => {
      round += 1;
      await truncate(file, 0);
      await utimes(file, new Date(), new Date(Date.UTC(2030, 0, 1, 0, 0, round)));
    };
    await expect(rewriteConfigFile({ filePath: file, transform: appendLine('ours'), createFolder: false, backup, emptyFilePause: retruncate })).rejects.toThrow(
      /kept changing while MCP Tray was updating it/,
    );
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it.skipIf(process.platform === 'win32')('creates its temp file readable by its owner only, whatever the config\'s mode', async () => {
    await writeFile(file, '{}\n');
    await chmod(file, 0o644);
    const tempModes: number[] = [];
    await rewriteConfigFile({
      filePath: file,
      transform: appendLine('x'),
      createFolder: false,
      backup,
      beforeRename: async () => {
        const temps = (await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'));
        for (const name of temps) tempModes.push((await stat(path.join(path.dirname(file), name))).mode & 0o777);
      },
    });
    expect(tempModes).toEqual([0o600]);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });

  it('removes our temp files a crash left behind more than ten minutes ago, and nothing else', async () => {
    await writeFile(file, '{}\n');
    const folder = path.dirname(file);
    const stale = path.join(folder, '.config.json.mcp-tray-0123456789ab.tmp');
    const recent = path.join(folder, '.config.json.mcp-tray-ba9876543210.tmp');
    const otherFiles = path.join(folder, '.other.json.mcp-tray-0123456789ab.tmp');
    const notOurs = path.join(folder, '.config.json.editor-0123456789ab.tmp');
    const longAgo = new Date(Date.now() - STALE_TEMP_FILE_MS - 60_000);
    for (const leftover of [stale, recent, otherFiles, notOurs]) {
      await writeFile(leftover, '{"token": "copy"}');
      if (leftover !== recent) await utimes(leftover, longAgo, longAgo);
    }
    await rewriteConfigFile({ filePath: file, transform: appendLine('x'), createFolder: false, backup });
    expect((await readdir(folder)).sort()).toEqual(['.config.json.editor-0123456789ab.tmp', '.config.json.mcp-tray-ba9876543210.tmp', '.other.json.mcp-tray-0123456789ab.tmp', 'config.json']);
  });

  it('prunes backups that a crash left beyond the limit at the next write, even one that needs no backup', async () => {
    // As a crash between adding a backup and pruning would leave them (twice over).
    await mkdir(backup.dir);
    for (let index = 0; index < BACKUPS_KEPT + 2; index++) await writeFile(path.join(backup.dir, `config.json.2025-01-01T00-00-0${index}-000Z-000.bak`), `crash ${index}`);
    await rewriteConfigFile({ filePath: file, transform: appendLine('x'), createFolder: false, backup });
    const kept = await listBackups(backup);
    expect(await Promise.all(kept.map((kept) => readFile(kept, 'utf8')))).toEqual(['crash 2', 'crash 3', 'crash 4', 'crash 5', 'crash 6']);
  });

  it('keeps the configured number of backups', async () => {
    const twoKept: BackupLocation = { ...backup, keep: 2 };
    await writeFile(file, '0\n');
    for (let round = 1; round <= 4; round++) await rewriteConfigFile({ filePath: file, transform: () => `${round}\n`, createFolder: false, backup: twoKept });
    expect(await Promise.all((await listBackups(twoKept)).map((kept) => readFile(kept, 'utf8')))).toEqual(['2\n', '3\n']);
  });

  it('does not let backups of versions it never replaced push out older backups', async () => {
    for (let index = 0; index < BACKUPS_KEPT; index++) await writeBackup(backup, Buffer.from(`old ${index}`), new Date(Date.UTC(2025, 0, 1, 0, 0, index)));
    await writeFile(file, 'base\n');
    let externalWrites = 0;
    await rewriteConfigFile({
      filePath: file,
      transform: appendLine('ours'),
      createFolder: false,
      backup,
      beforeRename: async () => {
        if (externalWrites >= 2) return;
        externalWrites += 1;
        await writeFile(file, `base\ntheirs ${externalWrites}\n`);
      },
    });
    const kept = await Promise.all((await listBackups(backup)).map((kept) => readFile(kept, 'utf8')));
    expect(kept).toEqual(['old 1', 'old 2', 'old 3', 'old 4', 'base\ntheirs 2\n']);
  });
});
