/**
 * Rewrites a config file without ever losing what is in it: read; compute the new text; write it to
 * a temp file in the same folder (same file system, so the rename is atomic), fsync it, back up the
 * old bytes; then, right before renaming over the original, check that the file is still exactly
 * what we read (mtime, size and content hash). If another program wrote it meanwhile, start over
 * from its new content instead of overwriting that write. The original's file mode is kept.
 *
 * Knows nothing of the file's format (the transform does), so every client's format shares these
 * rules: only regular files under the size cap (config-file-read.ts), never a read-only one, a
 * symlink written through and never replaced (config-file-target.ts), an empty file trusted only
 * once it stayed empty for a while, owner-only temp files whose crash leftovers are swept away
 * (config-temp-files.ts), and backups kept at their limit (config-backups.ts).
 */
import { constants } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ContractError } from '../../shared/contract';
import { addBackup, pruneBackups, writeBackup, type BackupLocation } from './config-backups';
import { messageOf } from '../../shared/error-message';
import { readSnapshot, sameSnapshot, type ConfigSnapshot } from './config-file-read';
import { describeTarget, resolveConfigTarget, type ConfigTarget } from './config-file-target';
import { removeStaleTempFiles, tempPathFor, writeTempFile } from './config-temp-files';

interface ConfigRewrite {
  filePath: string;
  /**
   * The text the file should have, given its current text (null: missing); returning the input
   * unchanged means "nothing to do". Throws to refuse.
   * Called again with fresh content when the file changed under us, so it must not keep state
   * other than what it reports about its latest call.
   */
  transform: (current: string | null) => string | null;
  /** May the file's folder be created when it is missing? (Always, for the target of a symlink.) */
  createFolder: boolean;
  backup: BackupLocation;
  /**
   * Waits before an empty file is trusted: long enough for a program that truncated the file to
   * write it again. Default: EMPTY_FILE_PAUSE_MS. Tests pass a shorter pause.
   */
  emptyFilePause?: () => Promise<void>;
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
  /** What went wrong after the file was replaced (it stays replaced): e.g. old backups not pruned. */
  warnings?: string[];
}

/** Rounds of "the file changed under us, merge again" before giving up. */
const MAX_ATTEMPTS = 5;
/** A new config file can end up holding another tool's token: readable by its owner only. */
const NEW_FILE_MODE = 0o600;
/** How long an empty file must stay untouched before it is trusted to be empty: a slow writer's truncate-then-write gap. */
const EMPTY_FILE_PAUSE_MS = 1000;

/** A missing or empty file has nothing to restore: a backup of it would only push out an older one that has. */
function hasBackupWorth(snapshot: ConfigSnapshot): boolean {
  return snapshot.text !== null && snapshot.size > 0;
}

/** Refuses to change a file the user marked read-only: the rename would replace it all the same. */
function refuseReadOnly(target: ConfigTarget, snapshot: ConfigSnapshot): void {
  if (!snapshot.readOnly) return;
  const mode = (snapshot.mode ?? 0).toString(8).padStart(4, '0');
  throw new ContractError(
    'failed',
    `${describeTarget(target)} is read-only (mode ${mode}). MCP Tray left it as it is; make it writable (for example chmod u+w "${target.path}") if MCP Tray may change it, and try again.`,
  );
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
  const target = await resolveConfigTarget(filePath);
  const snapshot = await readSnapshot(target);
  const after = transform(snapshot.text);
  if (after !== null && after !== snapshot.text) refuseReadOnly(target, snapshot);
  return { filePath: target.path, before: snapshot.text, after, changed: after !== snapshot.text, backupPath: null };
}

/**
 * An existing 0-byte file may be another program's file between its truncate and its write: taking
 * it for empty would replace what that program is about to write. True when it stayed untouched.
 */
async function stayedEmpty(target: ConfigTarget, snapshot: ConfigSnapshot, pause: () => Promise<void>): Promise<boolean> {
  if (snapshot.text === null || snapshot.size > 0) return true;
  await pause();
  return sameSnapshot(await readSnapshot(target), snapshot);
}

export async function rewriteConfigFile(rewrite: ConfigRewrite): Promise<RewriteOutcome> {
  const target = await resolveConfigTarget(rewrite.filePath);
  const dir = path.dirname(target.path);
  const pause = rewrite.emptyFilePause ?? (() => delay(EMPTY_FILE_PAUSE_MS));
  await removeStaleTempFiles(target.path);
  await pruneBackups(rewrite.backup);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const snapshot = await readSnapshot(target);
    const after = rewrite.transform(snapshot.text);
    if (after === null || after === snapshot.text) return { filePath: target.path, before: snapshot.text, after: snapshot.text, changed: false, backupPath: null };
    refuseReadOnly(target, snapshot);
    // Being written by someone else: start over from what they wrote.
    if (!(await stayedEmpty(target, snapshot, pause))) continue;
    if (snapshot.text === null) await ensureFolder(dir, rewrite.createFolder || target.throughLink);

    const tempPath = tempPathFor(target.path);
    let backupPath: string | null = null;
    try {
      await writeTempFile(tempPath, after);
      backupPath = hasBackupWorth(snapshot) ? await addBackup(rewrite.backup, snapshot.bytes) : null;
      await rewrite.beforeRename?.();
      if (!sameSnapshot(await readSnapshot(target), snapshot)) {
        // Someone else wrote the file since we read it: merge again into what they wrote. What we
        // backed up was never replaced, so it goes too rather than push out an older backup.
        await rm(tempPath, { force: true });
        if (backupPath !== null) await rm(backupPath, { force: true });
        continue;
      }
      if (process.platform !== 'win32') await chmod(tempPath, snapshot.mode ?? NEW_FILE_MODE);
      await rename(tempPath, target.path);
      await syncFolder(dir);
    } catch (error) {
      await rm(tempPath, { force: true });
      if (backupPath !== null) await rm(backupPath, { force: true });
      if (error instanceof ContractError) throw error;
      throw new ContractError('failed', `Could not write ${describeTarget(target)}: ${messageOf(error)}. The file was left as it was.`);
    }
    // The file is replaced: from here nothing may fail the write, or a caller would undo what the file now points at.
    const warnings: string[] = [];
    await pruneBackups(rewrite.backup, backupPath ?? undefined).catch((error: unknown) => {
      warnings.push(`Old backups in ${rewrite.backup.dir} could not be pruned (${messageOf(error)}); delete the oldest ones yourself if they pile up.`);
    });
    return { filePath: target.path, before: snapshot.text, after, changed: true, backupPath, warnings };
  }
  throw new ContractError(
    'failed',
    `${describeTarget(target)} kept changing while MCP Tray was updating it (${MAX_ATTEMPTS} tries). It was left as the other program wrote it; close that program and try again.`,
  );
}

/** For callers that changed the file by other means (Claude Code's CLI): a backup of the bytes as they were. */
export async function backupSnapshot(snapshot: ConfigSnapshot, location: BackupLocation): Promise<string | null> {
  return hasBackupWorth(snapshot) ? writeBackup(location, snapshot.bytes) : null;
}
