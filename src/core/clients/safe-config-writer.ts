/**
 * Rewrites a config file without ever losing what is in it: read; compute the new text; write it to
 * a temp file in the same folder (same file system, so the rename is atomic), fsync it, back up the
 * old bytes; then, right before renaming over the original, check that the file is still exactly
 * what we read (mtime, size and content hash). If another program wrote it meanwhile, start over
 * from its new content instead of overwriting that write. The original's file mode is kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ContractError } from '../../shared/contract';
import { writeBackup, type BackupLocation } from './config-backups';

/** The file as we read it. `text` is null when the file does not exist. */
export interface ConfigSnapshot {
  text: string | null;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  /** Permission bits, to give the new file; undefined when the file does not exist. */
  mode: number | undefined;
  hash: string;
}

export interface ConfigRewrite {
  filePath: string;
  /**
   * The text the file should have, given its current text (null: missing); returning the input
   * unchanged means "nothing to do". Throws to refuse.
   * Called again with fresh content when the file changed under us, so it must not keep state
   * other than what it reports about its latest call.
   */
  transform: (current: string | null) => string | null;
  /** May the file's folder be created when it is missing? */
  createFolder: boolean;
  backup: BackupLocation;
  /** Test seam: runs after the new text is safely in the temp file, right before the final check and the rename. */
  beforeRename?: () => Promise<void> | void;
}

export interface RewriteOutcome {
  /** The file actually written: a symlinked config is written through to its target. */
  filePath: string;
  before: string | null;
  after: string | null;
  changed: boolean;
  backupPath: string | null;
}

/** Rounds of "the file changed under us, merge again" before giving up. */
const MAX_ATTEMPTS = 5;
/** A new config file can end up holding another tool's token: readable by its owner only. */
const NEW_FILE_MODE = 0o600;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function readSnapshot(filePath: string): Promise<ConfigSnapshot> {
  let bytes: Buffer;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(filePath);
    bytes = await readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { text: null, bytes: Buffer.alloc(0), size: -1, mtimeMs: -1, mode: undefined, hash: '' };
    }
    throw new ContractError('failed', `Cannot read ${filePath}: ${errorMessage(error)}. Check that it is a file you can read and write.`);
  }
  if (!info.isFile()) throw new ContractError('failed', `${filePath} is not a regular file. MCP Tray left it as it is.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ContractError('failed', `${filePath} is not UTF-8 text. MCP Tray left the file exactly as it was; save it as UTF-8 and try again.`);
  }
  return { text, bytes, size: info.size, mtimeMs: info.mtimeMs, mode: info.mode & 0o7777, hash: createHash('sha256').update(bytes).digest('hex') };
}

function sameSnapshot(a: ConfigSnapshot, b: ConfigSnapshot): boolean {
  return a.text === null ? b.text === null : a.size === b.size && a.mtimeMs === b.mtimeMs && a.hash === b.hash;
}

/** A symlinked config (dotfile managers do this) is written through to its target, so the link survives. */
async function resolveTarget(filePath: string): Promise<string> {
  try {
    return (await lstat(filePath)).isSymbolicLink() ? await realpath(filePath) : filePath;
  } catch {
    return filePath;
  }
}

async function writeTempFile(tempPath: string, text: string, mode: number): Promise<void> {
  const handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    await handle.writeFile(text, 'utf8');
    // The umask may have narrowed the mode at creation; the original's mode is what we keep.
    if (process.platform !== 'win32') await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; not possible (nor needed) on Windows. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to fsync a folder; the rename has happened either way.
  }
}

async function ensureFolder(dir: string, allowed: boolean): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch {
    // missing: created below when allowed
  }
  if (!allowed) throw new ContractError('not_found', `The folder ${dir} does not exist.`);
  await mkdir(dir, { recursive: true });
}

/** What the rewrite would produce, without writing anything. */
export async function previewRewrite(filePath: string, transform: (current: string | null) => string | null): Promise<RewriteOutcome> {
  const target = await resolveTarget(filePath);
  const snapshot = await readSnapshot(target);
  const after = transform(snapshot.text);
  return { filePath: target, before: snapshot.text, after, changed: after !== snapshot.text, backupPath: null };
}

export async function rewriteConfigFile(rewrite: ConfigRewrite): Promise<RewriteOutcome> {
  const target = await resolveTarget(rewrite.filePath);
  const dir = path.dirname(target);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const snapshot = await readSnapshot(target);
    const after = rewrite.transform(snapshot.text);
    if (after === null || after === snapshot.text) return { filePath: target, before: snapshot.text, after: snapshot.text, changed: false, backupPath: null };
    if (snapshot.text === null) await ensureFolder(dir, rewrite.createFolder);

    const tempPath = path.join(dir, `.${path.basename(target)}.mcp-tray-${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeTempFile(tempPath, after, snapshot.mode ?? NEW_FILE_MODE);
      const backupPath = snapshot.text === null ? null : await writeBackup(rewrite.backup, snapshot.bytes);
      await rewrite.beforeRename?.();
      if (!sameSnapshot(await readSnapshot(target), snapshot)) {
        // Someone else wrote the file since we read it: merge again into what they wrote.
        await rm(tempPath, { force: true });
        continue;
      }
      await rename(tempPath, target);
      await syncFolder(dir);
      return { filePath: target, before: snapshot.text, after, changed: true, backupPath };
    } catch (error) {
      await rm(tempPath, { force: true });
      if (error instanceof ContractError) throw error;
      throw new ContractError('failed', `Could not write ${target}: ${errorMessage(error)}. The file was left as it was.`);
    }
  }
  throw new ContractError(
    'failed',
    `${target} kept changing while MCP Tray was updating it (${MAX_ATTEMPTS} tries). It was left as the other program wrote it; close that program and try again.`,
  );
}

/** For callers that changed the file by other means (Claude Code's CLI): a backup of the bytes as they were. */
export async function backupSnapshot(snapshot: ConfigSnapshot, location: BackupLocation): Promise<string | null> {
  return snapshot.text === null ? null : writeBackup(location, snapshot.bytes);
}
