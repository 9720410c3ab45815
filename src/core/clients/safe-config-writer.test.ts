import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract';
import { listBackups, type BackupLocation } from './config-backups';
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
});
