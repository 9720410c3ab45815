/**
 * Reads a config file as bytes and UTF-8 text, whatever its format, refusing what MCP Tray must not
 * touch: anything that is not a regular file (a FIFO would block the read forever, a link to
 * /dev/zero would grow memory without end), a file over the size cap, text that is not UTF-8.
 * The snapshot also says whether the mode bits let us write the file.
 */
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ContractError } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { describeTarget, resolveConfigTarget, type ConfigTarget } from './config-file-target';

/** No client config comes close; past this it is not a config file. */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

/** The file as we read it. `text` is null when the file does not exist. */
export interface ConfigSnapshot {
  text: string | null;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  /** Permission bits, to give the new file; undefined when the file does not exist. */
  mode: number | undefined;
  /** The mode bits deny us writing: the user marked the file read-only. */
  readOnly: boolean;
  hash: string;
}

const MISSING: ConfigSnapshot = { text: null, bytes: Buffer.alloc(0), size: -1, mtimeMs: -1, mode: undefined, readOnly: false, hash: '' };

const READ_CHUNK_BYTES = 64 * 1024;

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  return 'a special file';
}

function notRegular(shownAs: string, info: Stats): ContractError {
  return new ContractError('failed', `${shownAs} is not a regular file but ${kindOf(info)}. MCP Tray left it as it is; put the client's config file there (or remove it) and try again.`);
}

function tooLarge(shownAs: string, maxBytes: number): ContractError {
  const limit = `${Math.round(maxBytes / (1024 * 1024))} MB`;
  return new ContractError('failed', `${shownAs} is larger than ${limit}, too large for a client config. MCP Tray left it as it is; check that the path points at the client's config file.`);
}

function cannotRead(shownAs: string, error: unknown): ContractError {
  return new ContractError('failed', `Cannot read ${shownAs}: ${messageOf(error)}. Check that it is a file you can read and write.`);
}

/**
 * Whether the mode bits let this process write the file. Not access(): it says yes to root for any
 * file, and tests and CI run as root; a 0444 file is the user saying no, whoever we are.
 */
function modeAllowsWriting(info: Stats): boolean {
  const uid = process.getuid?.();
  // Windows: the read-only attribute clears every write bit.
  if (uid === undefined) return (info.mode & 0o200) !== 0;
  if (uid === 0) return (info.mode & 0o222) !== 0;
  if (uid === info.uid) return (info.mode & 0o200) !== 0;
  if (process.getgroups?.().includes(info.gid) || process.getgid?.() === info.gid) return (info.mode & 0o020) !== 0;
  return (info.mode & 0o002) !== 0;
}

/** Reads to the end, but never more than `maxBytes`: a file's reported size can lie (/proc) or grow. */
async function readAtMost(handle: FileHandle, maxBytes: number, shownAs: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(READ_CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(shownAs, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

export async function readSnapshot(target: ConfigTarget, maxBytes = MAX_CONFIG_BYTES): Promise<ConfigSnapshot> {
  const shownAs = describeTarget(target);
  // The type first: opening some devices has effects of its own.
  let before: Stats;
  try {
    before = await stat(target.path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return MISSING;
    throw cannotRead(shownAs, error);
  }
  if (!before.isFile()) throw notRegular(shownAs, before);

  let handle: FileHandle;
  try {
    // Non-blocking, in case a FIFO took the file's place since the check: open() on one waits for a writer.
    handle = await open(target.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return MISSING;
    throw cannotRead(shownAs, error);
  }
  let bytes: Buffer;
  let info: Stats;
  try {
    info = await handle.stat();
    if (!info.isFile()) throw notRegular(shownAs, info);
    if (info.size > maxBytes) throw tooLarge(shownAs, maxBytes);
    bytes = await readAtMost(handle, maxBytes, shownAs);
  } catch (error) {
    if (error instanceof ContractError) throw error;
    throw cannotRead(shownAs, error);
  } finally {
    await handle.close();
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ContractError('failed', `${shownAs} is not UTF-8 text. MCP Tray left the file exactly as it was; save it as UTF-8 and try again.`);
  }
  return {
    text,
    bytes,
    size: bytes.length,
    mtimeMs: info.mtimeMs,
    mode: info.mode & 0o7777,
    readOnly: !modeAllowsWriting(info),
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Follows the config path's links, then reads what it leads to. */
export async function readConfigFile(configPath: string): Promise<ConfigSnapshot> {
  return readSnapshot(await resolveConfigTarget(configPath));
}

export function sameSnapshot(a: ConfigSnapshot, b: ConfigSnapshot): boolean {
  return a.text === null ? b.text === null : a.size === b.size && a.mtimeMs === b.mtimeMs && a.hash === b.hash;
}
