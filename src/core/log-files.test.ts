import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOG_FILE_LIMITS, LogFileWriter, type DroppedLines, type LogFileLimits } from './log-files';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-tray-log-files-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Recorded {
  errors: Error[];
  dropped: DroppedLines[];
}

function writer(dir: string, limits: Partial<LogFileLimits> = {}): { files: LogFileWriter; recorded: Recorded } {
  const recorded: Recorded = { errors: [], dropped: [] };
  const files = new LogFileWriter(dir, 'demo', { ...DEFAULT_LOG_FILE_LIMITS, ...limits }, {
    onWriteError: (error) => recorded.errors.push(error),
    onLinesDropped: (dropped) => recorded.dropped.push(dropped),
  });
  return { files, recorded };
}

/** Line `n` padded so every line has the same length: `{"n":7,"pad":"xx..."}\n`. */
function line(n: number): string {
  return `${JSON.stringify({ n, pad: 'x'.repeat(30 - String(n).length) })}\n`;
}

const LINE_BYTES = Buffer.byteLength(line(1));

/** Every file of the server, oldest first, as parsed line numbers. */
async function readAll(dir: string, maxFiles: number): Promise<{ names: string[]; numbers: number[] }> {
  const names = (await readdir(dir)).sort();
  const ordered = [...Array.from({ length: maxFiles }, (_, index) => `demo.${maxFiles - index}.jsonl`), 'demo.jsonl'].filter((name) => names.includes(name));
  const numbers: number[] = [];
  for (const name of ordered) {
    const text = await readFile(path.join(dir, name), 'utf8');
    for (const row of text.split('\n').filter(Boolean)) numbers.push((JSON.parse(row) as { n: number }).n);
  }
  return { names, numbers };
}

describe('LogFileWriter', () => {
  it('creates a private folder and file and writes queued lines in order by flush()', async () => {
    const dir = path.join(root, 'logs');
    const { files, recorded } = writer(dir);
    for (let n = 1; n <= 50; n++) files.enqueue(line(n));
    await files.flush();

    expect((await readAll(dir, 5)).numbers).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(files.filePath)).mode & 0o777).toBe(0o600);
    expect(recorded).toEqual({ errors: [], dropped: [] });
    await files.close();
  });

  it('rotates before a file would pass maxFileBytes and keeps at most maxFiles files', async () => {
    const maxFiles = 3;
    const { files } = writer(root, { maxFileBytes: LINE_BYTES * 4, maxFiles });
    for (let n = 1; n <= 30; n++) {
      files.enqueue(line(n));
      // Several batches, so rotation happens both inside one batch and between batches.
      if (n % 7 === 0) await files.flush();
    }
    await files.close();

    const { names, numbers } = await readAll(root, maxFiles);
    expect(names).toEqual(['demo.1.jsonl', 'demo.2.jsonl', 'demo.jsonl']);
    // The newest lines survive, contiguous and in order: 3 files of at most 4 lines.
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, index) => 21 + index));
    for (const name of names) expect((await stat(path.join(root, name))).size).toBeLessThanOrEqual(LINE_BYTES * 4);
  });

  it('appends to an existing file across restarts and rotates it when full', async () => {
    const first = writer(root, { maxFileBytes: LINE_BYTES * 3, maxFiles: 2 });
    first.files.enqueue(line(1));
    first.files.enqueue(line(2));
    await first.files.close();

    const second = writer(root, { maxFileBytes: LINE_BYTES * 3, maxFiles: 2 });
    second.files.enqueue(line(3));
    second.files.enqueue(line(4));
    await second.files.close();

    expect(await readAll(root, 2)).toEqual({ names: ['demo.1.jsonl', 'demo.jsonl'], numbers: [1, 2, 3, 4] });
    expect(await readFile(path.join(root, 'demo.jsonl'), 'utf8')).toBe(line(4));
  });

  it('writes a backlog larger than one write in several writes, in order and complete', async () => {
    const { files, recorded } = writer(root, { maxFileBytes: 64 * 1024 * 1024 });
    const count = 80_000; // about 2.6 MB, more than one 1 MB write
    for (let n = 1; n <= count; n++) files.enqueue(line(n));
    await files.close();
    const { numbers } = await readAll(root, 5);
    expect(numbers.length).toBe(count);
    expect(numbers.every((value, index) => value === index + 1)).toBe(true);
    expect(recorded).toEqual({ errors: [], dropped: [] });
  });

  it('gives a line longer than maxFileBytes a file of its own', async () => {
    const { files } = writer(root, { maxFileBytes: 10, maxFiles: 5 });
    files.enqueue(line(1));
    files.enqueue(line(2));
    await files.close();
    expect(await readAll(root, 5)).toEqual({ names: ['demo.1.jsonl', 'demo.jsonl'], numbers: [1, 2] });
  });

  it('with maxFiles 1 starts the single file afresh instead of keeping an old one', async () => {
    const { files } = writer(root, { maxFileBytes: LINE_BYTES * 2, maxFiles: 1 });
    for (let n = 1; n <= 5; n++) files.enqueue(line(n));
    await files.close();
    expect(await readAll(root, 1)).toEqual({ names: ['demo.jsonl'], numbers: [5] });
  });

  it('deletes rotated files beyond maxFiles left by an earlier run, and only this server’s', async () => {
    await writeFile(path.join(root, 'demo.4.jsonl'), line(0));
    await writeFile(path.join(root, 'demo.9.jsonl'), line(0));
    await writeFile(path.join(root, 'demo-other.7.jsonl'), line(0));
    const { files } = writer(root, { maxFiles: 3 });
    files.enqueue(line(1));
    await files.close();
    expect((await readdir(root)).sort()).toEqual(['demo-other.7.jsonl', 'demo.jsonl']);
  });

  it('drops lines beyond maxPendingBytes from the file, counts them, and reports them after the next write', async () => {
    const { files, recorded } = writer(root, { maxPendingBytes: LINE_BYTES * 10 });
    // Synchronous enqueues: nothing is written before the first setImmediate, so the backlog fills.
    for (let n = 1; n <= 100; n++) files.enqueue(line(n));
    await files.flush();

    expect((await readAll(root, 5)).numbers).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    expect(recorded.dropped).toEqual([{ behind: 90, failed: 0 }]);
    expect(recorded.errors).toEqual([]);
    await files.close();
  });

  it('survives write errors: never throws, reports once per streak, drops and counts, and recovers', async () => {
    const dir = path.join(root, 'logs');
    await writeFile(dir, 'a file where the folder should be');
    const { files, recorded } = writer(dir, { retryAfterFailureMs: 0 });

    expect(() => files.enqueue(line(1))).not.toThrow();
    await files.flush();
    files.enqueue(line(2));
    await files.flush();
    expect(recorded.errors).toHaveLength(1);
    expect(recorded.errors[0]?.message).toContain(path.join(dir, 'demo.jsonl'));
    expect(recorded.dropped).toEqual([]);

    await rm(dir);
    files.enqueue(line(3));
    await files.flush();
    expect(recorded.dropped).toEqual([{ behind: 0, failed: 2 }]);
    expect((await readAll(dir, 5)).numbers).toEqual([3]);
    await files.close();
  });

  it('drops lines while paused after a failure instead of retrying on every line', async () => {
    const dir = path.join(root, 'logs');
    await writeFile(dir, 'in the way');
    const { files, recorded } = writer(dir, { retryAfterFailureMs: 60_000 });
    files.enqueue(line(1));
    await files.flush();
    await rm(dir);
    files.enqueue(line(2));
    await files.flush();
    expect(recorded.errors).toHaveLength(1);
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await files.close();
  });

  it('flush() resolves at once when nothing is pending, and nothing is written after close()', async () => {
    const { files } = writer(root);
    await files.flush();
    files.enqueue(line(1));
    await files.close();
    files.enqueue(line(2));
    await files.flush();
    expect(await readFile(files.filePath, 'utf8')).toBe(line(1));
  });
});
