/**
 * One server's log on disk: `<dir>/<serverId>.jsonl`, rotated to `<serverId>.1.jsonl` (newest)
 * ... `<serverId>.<maxFiles-1>.jsonl` (oldest), so at most `maxFiles` files exist in all.
 *
 * Writes never block the event loop: lines are queued and written in batches by one
 * asynchronous drain at a time (everything queued while a write is in flight goes out in the
 * next batch, in writes of at most 1 MB). Memory is bounded: when more than `maxPendingBytes`
 * wait for the disk, new lines are dropped from the file (never from the in-memory buffer) and
 * counted, so a server holds at most about twice that (the batch in flight plus the queue); after
 * the next successful write the writer reports the count so the store can say so in the log.
 * A failed write drops its batch, is reported once per failure streak, and pauses writing for
 * `retryAfterFailureMs` (lines in that pause are dropped and counted) before trying again.
 */
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from '../shared/error-message';

export interface LogFileLimits {
  /** A file is rotated before a line would take it past this size (a longer line gets a file alone). */
  maxFileBytes: number;
  /** Files kept in all, the current one included. */
  maxFiles: number;
  /** Bytes allowed to wait for the disk before new lines are dropped from the file. */
  maxPendingBytes: number;
  retryAfterFailureMs: number;
}

export const DEFAULT_LOG_FILE_LIMITS: LogFileLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxFiles: 5,
  maxPendingBytes: 8 * 1024 * 1024,
  retryAfterFailureMs: 5_000,
};

export interface DroppedLines {
  /** Dropped because the disk fell more than `maxPendingBytes` behind. */
  behind: number;
  /** Dropped because a write failed or writing was paused after a failure. */
  failed: number;
}

interface LogFileEvents {
  /** The first failure of a streak; the writer stays quiet until a write succeeds again. */
  onWriteError(error: Error): void;
  /** Called after a successful write when lines were dropped since the previous one. */
  onLinesDropped(dropped: DroppedLines): void;
}

// A batch goes out in writes of at most this size, so the joined copy of a backlog stays small.
const MAX_WRITE_BYTES = 1024 * 1024;
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/** How long the first queued line waits for others to join its write. */
const BATCH_DELAY_MS = 50;

/** The file a server's log is written to now (rotations sit beside it as `<serverId>.N.jsonl`). */
export function logFilePath(dir: string, serverId: string): string {
  return path.join(dir, `${serverId}.jsonl`);
}

/** Deletes one server's log files, the current one and its rotations; nothing else in `dir`. */
export async function removeLogFiles(dir: string, serverId: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const prefix = `${serverId}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.jsonl')) continue;
    const middle = name.slice(prefix.length, -'.jsonl'.length);
    if (middle === '' || /^\d+$/.test(middle)) await rm(path.join(dir, name), { force: true });
  }
}

export class LogFileWriter {
  readonly filePath: string;

  private queue: string[] = [];
  private queueSizes: number[] = [];
  private queueBytes = 0;
  private handle: FileHandle | undefined;
  private fileBytes = 0;
  private staleRotationsRemoved = false;
  /** True from the moment a drain is scheduled until it finds the queue empty. */
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private enqueued = 0;
  private settled = 0;
  private waiters: Array<{ target: number; resolve: () => void }> = [];
  private dropped: DroppedLines = { behind: 0, failed: 0 };
  private failing = false;
  private pausedUntil = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly serverId: string,
    private readonly limits: LogFileLimits,
    private readonly events: LogFileEvents,
  ) {
    this.filePath = logFilePath(dir, serverId);
  }

  /** Queues one line, which must end with a newline. Never throws and never waits. */
  enqueue(line: string): void {
    this.enqueued++;
    if (this.closed) return this.settle(1);
    if (this.pausedUntil > 0) {
      if (Date.now() < this.pausedUntil) return this.drop('failed', 1);
      this.pausedUntil = 0;
    }
    const bytes = Buffer.byteLength(line, 'utf8');
    if (this.queueBytes + bytes > this.limits.maxPendingBytes && this.queue.length > 0) return this.drop('behind', 1);
    this.queue.push(line);
    this.queueSizes.push(bytes);
    this.queueBytes += bytes;
    if (!this.draining) {
      this.draining = true;
      // A short wait gathers a burst (a stderr chunk, a run of tool calls) into one write.
      this.drained = new Promise((resolve) => setTimeout(() => void this.drain().then(resolve), BATCH_DELAY_MS));
    }
  }

  /** Resolves once every line queued before the call is written, dropped or failed. Never rejects. */
  flush(): Promise<void> {
    if (this.settled >= this.enqueued) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ target: this.enqueued, resolve }));
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    await this.drained;
    await this.closeHandle();
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const lines = this.queue;
      const sizes = this.queueSizes;
      this.queue = [];
      this.queueSizes = [];
      this.queueBytes = 0;
      const progress = { written: 0 };
      try {
        await this.writeLines(lines, sizes, progress);
        this.failing = false;
        this.reportDropped();
      } catch (error) {
        // Report and pause before dropping: dropping settles flush() waiters, who expect both done.
        this.pausedUntil = Date.now() + this.limits.retryAfterFailureMs;
        if (!this.failing) {
          this.failing = true;
          const failure = this.describeFailure(error);
          this.notify(() => this.events.onWriteError(failure));
        }
        this.drop('failed', lines.length - progress.written);
        await this.closeHandle();
      }
      this.settle(progress.written);
    }
    // Reset in the same synchronous step as the empty-queue check, so no enqueue is stranded.
    this.draining = false;
  }

  private async writeLines(lines: string[], sizes: number[], progress: { written: number }): Promise<void> {
    let start = 0;
    while (start < lines.length) {
      const handle = await this.openHandle();
      let end = start;
      let bytes = 0;
      while (end < lines.length) {
        const size = sizes[end] ?? 0;
        const first = end === start;
        const fitsFile = this.fileBytes + bytes + size <= this.limits.maxFileBytes || (first && this.fileBytes === 0);
        if (!fitsFile || (!first && bytes + size > MAX_WRITE_BYTES)) break;
        bytes += size;
        end++;
      }
      if (end === start) {
        // Only a full file stops the first line: the per-write limit never does.
        await this.rotate();
        continue;
      }
      await writeAll(handle, Buffer.from(lines.slice(start, end).join(''), 'utf8'));
      this.fileBytes += bytes;
      progress.written += end - start;
      start = end;
    }
  }

  private async openHandle(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await mkdir(this.dir, { recursive: true, mode: DIRECTORY_MODE });
    if (!this.staleRotationsRemoved) {
      await this.removeStaleRotations();
      this.staleRotationsRemoved = true;
    }
    const handle = await open(this.filePath, 'a', FILE_MODE);
    try {
      this.fileBytes = (await handle.stat()).size;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.handle = handle;
    return handle;
  }

  /** Shifts `.N.jsonl` up by one, dropping the oldest; the next open starts a fresh current file. */
  private async rotate(): Promise<void> {
    await this.closeHandle();
    const { maxFiles } = this.limits;
    if (maxFiles <= 1) {
      await rm(this.filePath, { force: true });
      return;
    }
    // rename() replaces its target, so the oldest file is overwritten by the next older one.
    for (let index = maxFiles - 2; index >= 1; index--) await renameIfPresent(this.rotatedPath(index), this.rotatedPath(index + 1));
    await renameIfPresent(this.filePath, this.rotatedPath(1));
  }

  /** Files left by an earlier run with a larger maxFiles would otherwise never be deleted. */
  private async removeStaleRotations(): Promise<void> {
    const prefix = `${this.serverId}.`;
    for (const name of await readdir(this.dir)) {
      if (!name.startsWith(prefix) || !name.endsWith('.jsonl')) continue;
      const index = name.slice(prefix.length, -'.jsonl'.length);
      if (/^\d+$/.test(index) && Number(index) >= this.limits.maxFiles) await rm(path.join(this.dir, name), { force: true });
    }
  }

  private rotatedPath(index: number): string {
    return path.join(this.dir, `${this.serverId}.${index}.jsonl`);
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.fileBytes = 0;
    await handle?.close().catch(() => undefined);
  }

  private drop(reason: keyof DroppedLines, count: number): void {
    if (count <= 0) return;
    this.dropped[reason] += count;
    this.settle(count);
  }

  private reportDropped(): void {
    const { behind, failed } = this.dropped;
    if (behind === 0 && failed === 0) return;
    this.dropped = { behind: 0, failed: 0 };
    this.notify(() => this.events.onLinesDropped({ behind, failed }));
  }

  /** A throwing callback must not leave the drain stuck with lines and flush() waiters pending. */
  private notify(callback: () => void): void {
    try {
      callback();
    } catch {
      // The callback's owner is the one to report its own failure; the writer carries on.
    }
  }

  private settle(count: number): void {
    this.settled += count;
    if (this.waiters.length === 0) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.target <= this.settled) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  private describeFailure(error: unknown): Error {
    return new Error(
      `Could not write the log file ${this.filePath} (${messageOf(error)}). Log entries stay visible in the app; check free disk space and that the folder is writable.`,
      { cause: error },
    );
  }
}

/** One write call for the whole batch (appendFile would split it into 512 KB turns of the loop). */
async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
