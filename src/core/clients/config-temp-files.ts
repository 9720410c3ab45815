/**
 * The temp files a config is written through: `.<file>.mcp-tray-<hex>.tmp` next to the file, so the
 * rename is atomic. They hold a full copy of the config, other tools' tokens included, so they are
 * created readable by their owner only, and ones a crash left behind are removed at the next write.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_FILE_MODE = 0o600;
/** Older than this, a temp file of ours is a crash's leftover; a younger one may be another MCP Tray process's write in progress. */
export const STALE_TEMP_FILE_MS = 10 * 60 * 1000;

function tempNamePattern(fileName: string): RegExp {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.mcp-tray-[0-9a-f]{12}\\.tmp$`);
}

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.mcp-tray-${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `text` to a new temp file, owner-only, synced to disk. The caller gives it the config's mode right before the rename. */
export async function writeTempFile(tempPath: string, text: string): Promise<void> {
  const handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, TEMP_FILE_MODE);
  try {
    // The umask can only narrow the mode; this makes sure nothing widened it either.
    if (process.platform !== 'win32') await handle.chmod(TEMP_FILE_MODE);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes this file's temp files that a crashed write left behind: ours only (by name and owner), regular files only. */
export async function removeStaleTempFiles(target: string, now = Date.now()): Promise<void> {
  const dir = path.dirname(target);
  const pattern = tempNamePattern(path.basename(target));
  const names = await readdir(dir).catch(() => []);
  const uid = process.getuid?.();
  for (const name of names.filter((candidate) => pattern.test(candidate))) {
    const tempPath = path.join(dir, name);
    try {
      const info = await lstat(tempPath);
      if (!info.isFile() || (uid !== undefined && info.uid !== uid)) continue;
      if (now - info.mtimeMs > STALE_TEMP_FILE_MS) await rm(tempPath, { force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: it does not stop this write.
    }
  }
}
