import { execFileSync } from 'node:child_process';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, type BackupLocation } from './config-backups';
import { MAX_CONFIG_BYTES } from './config-file-read';
import { previewRewrite, rewriteConfigFile } from './safe-config-writer';

const posixOnly = it.skipIf(process.platform === 'win32');

describe('rewriteConfigFile refuses what it must not touch', () => {
  let root: string;
  let file: string;
  let backup: BackupLocation;
  const closers: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mcp-tray-refusals-'));
    await mkdir(path.join(root, 'client'));
    file = path.join(root, 'client', 'config.json');
    backup = { dir: path.join(root, 'backups'), fileName: 'config.json' };
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await rm(root, { recursive: true, force: true });
  });

  const addOurs = (current: string | null) => `${current ?? ''}ours\n`;
  const rewrite = (filePath = file) => rewriteConfigFile({ filePath, transform: addOurs, createFolder: false, backup, emptyFilePause: async () => {} });

  posixOnly('refuses a named pipe (FIFO) at once instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [file]);
    await expect(rewrite()).rejects.toThrow(`${file} is not a regular file but a named pipe (FIFO). MCP Tray left it as it is;`);
    await expect(previewRewrite(file, addOurs)).rejects.toThrow(/is not a regular file but a named pipe/);
    expect((await lstat(file)).isFIFO()).toBe(true);
  });

  posixOnly('refuses a socket', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(file, resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    await expect(rewrite()).rejects.toThrow(/is not a regular file but a socket/);
    expect((await lstat(file)).isSocket()).toBe(true);
  });

  posixOnly('refuses a link to /dev/zero without reading it, and keeps the link', async () => {
    await symlink('/dev/zero', file);
    await expect(rewrite()).rejects.toThrow(`${file} (a link to /dev/zero) is not a regular file but a device.`);
    expect(await readlink(file)).toBe('/dev/zero');
  });

  it('refuses a file over the size cap, leaving it alone', async () => {
    const big = Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x20);
    await writeFile(file, big);
    // Only the message: a failure that printed the 10 MB outcome would take minutes.
    const message = await rewrite().then(
      () => 'written',
      (error: unknown) => String(error),
    );
    expect(message).toMatch(/is larger than 10 MB, too large for a client config/);
    expect((await stat(file)).size).toBe(big.length);
    expect(await listBackups(backup)).toEqual([]);
  });

  posixOnly('refuses a read-only file, even as root, leaving its bytes and mode as they were', async () => {
    await writeFile(file, '{}\n');
    await chmod(file, 0o444);
    await expect(rewrite()).rejects.toThrow(`${file} is read-only (mode 0444). MCP Tray left it as it is; make it writable`);
    await expect(previewRewrite(file, addOurs)).rejects.toThrow(/is read-only/);
    expect(await readFile(file, 'utf8')).toBe('{}\n');
    expect((await stat(file)).mode & 0o777).toBe(0o444);
    expect(await readdir(path.dirname(file))).toEqual(['config.json']);
  });

  posixOnly('leaves a read-only file alone without complaint when there is nothing to change', async () => {
    await writeFile(file, 'ours\n');
    await chmod(file, 0o444);
    const outcome = await rewriteConfigFile({ filePath: file, transform: (current) => current, createFolder: false, backup });
    expect(outcome.changed).toBe(false);
  });

  posixOnly('writes through a dangling symlink, creating its target and its folder, and keeps the link', async () => {
    const target = path.join(root, 'dotfiles', 'claude', 'config.json');
    await symlink('../dotfiles/claude/config.json', file);
    const outcome = await rewrite();
    expect(outcome.filePath).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('ours\n');
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readlink(file)).toBe('../dotfiles/claude/config.json');
  });

  posixOnly('refuses a symlink that loops', async () => {
    const other = path.join(root, 'client', 'other.json');
    await symlink(other, file);
    await symlink(file, other);
    await expect(rewrite()).rejects.toThrow(`${file} is a symlink that loops back on itself.`);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
  });

  posixOnly('refuses a symlink to a folder', async () => {
    const folder = path.join(root, 'a-folder');
    await mkdir(folder);
    await symlink(folder, file);
    await expect(rewrite()).rejects.toThrow(`${file} (a link to ${folder}) is a folder, not a file.`);
    expect(await readdir(folder)).toEqual([]);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
  });
});
