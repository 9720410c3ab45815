/**
 * Timestamped copies of a client's config file, taken right before MCP Tray changes it, the newest
 * five (or the configured number) kept. They live in MCP Tray's data folder (`backups/<client id>/`), not next to the file:
 * client folders stay as the client made them (~/.claude.json sits in the home folder itself), and a
 * config can hold other servers' tokens, so the copies belong in a folder only the user can read.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const BACKUPS_KEPT = 5;

export interface BackupLocation {
  /** The folder for this client's backups. */
  dir: string;
  /** The config file's name, which every backup name starts with. */
  fileName: string;
  /** How many backups to keep; BACKUPS_KEPT when not given. */
  keep?: number | undefined;
}

/** 2025-06-01T12-30-45-123Z: sortable and valid in a file name on every OS. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** `<file>.<timestamp>-<n>.bak`, where n (zero-padded) tells apart backups taken in the same millisecond. */
const BACKUP_NAME = /^(?<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(?<sequence>\d{3})\.bak$/;

function backupsIn(names: string[], fileName: string): string[] {
  const prefix = `${fileName}.`;
  return names.filter((name) => name.startsWith(prefix) && BACKUP_NAME.test(name.slice(prefix.length))).sort();
}

/** Writes `bytes` as a new backup, without pruning; see pruneBackups. Returns the new backup's path. */
export async function addBackup(location: BackupLocation, bytes: Buffer, now: Date = new Date()): Promise<string> {
  await mkdir(location.dir, { recursive: true, mode: 0o700 });
  const taken = new Set(backupsIn(await readdir(location.dir), location.fileName));
  const stamp = timestamp(now);
  const nameFor = (n: number) => `${location.fileName}.${stamp}-${String(n).padStart(3, '0')}.bak`;
  let sequence = 0;
  while (taken.has(nameFor(sequence))) sequence += 1;
  const backupPath = path.join(location.dir, nameFor(sequence));
  await writeFile(backupPath, bytes, { mode: 0o600, flag: 'wx' });
  return backupPath;
}

/**
 * Deletes the oldest backups until the configured number are left, however many there are: a crash
 * between adding a backup and pruning leaves one too many until the next write. `keep` (the backup
 * just taken) is never deleted, even when the clock has gone back and older names sort after it.
 */
export async function pruneBackups(location: BackupLocation, keep?: string): Promise<void> {
  const limit = location.keep ?? BACKUPS_KEPT;
  const kept = keep === undefined ? undefined : path.basename(keep);
  const others = backupsIn(await readdir(location.dir).catch(() => []), location.fileName).filter((name) => name !== kept);
  const room = Math.max(0, limit - (kept === undefined ? 0 : 1));
  for (const stale of others.slice(0, Math.max(0, others.length - room))) await rm(path.join(location.dir, stale), { force: true });
}

/** Writes `bytes` as a new backup, then deletes all but the newest ones. Returns the new backup's path. */
export async function writeBackup(location: BackupLocation, bytes: Buffer, now: Date = new Date()): Promise<string> {
  const backupPath = await addBackup(location, bytes, now);
  await pruneBackups(location, backupPath);
  return backupPath;
}

/** This client's backups, oldest first. */
export async function listBackups(location: BackupLocation): Promise<string[]> {
  const names = await readdir(location.dir).catch(() => []);
  return backupsIn(names, location.fileName).map((name) => path.join(location.dir, name));
}
