import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogEntrySchema, type LogEntry } from '../shared/contract';
import { LogStore, type LogStoreOptions } from './logs';

let root: string;
let logDir: string;
const stores: LogStore[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-tray-logs-disk-'));
  logDir = path.join(root, 'data', 'logs');
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await rm(root, { recursive: true, force: true });
});

function createStore(options: Partial<LogStoreOptions> = {}): LogStore {
  const store = new LogStore({ dir: logDir, bufferSize: 5_000, ...options });
  stores.push(store);
  return store;
}

async function fileEntries(file: string): Promise<LogEntry[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((row) => LogEntrySchema.parse(JSON.parse(row)));
}

function appendMany(store: LogStore, serverId: string, count: number): void {
  for (let n = 1; n <= count; n++) store.appendStderrLine(serverId, JSON.stringify({ level: 30, msg: `line ${n}`, n }));
}

describe('LogStore files', () => {
  it('writes one JSONL file per server in a private folder, each line a valid LogEntry', async () => {
    const store = createStore();
    const written = [
      store.append({ serverId: 'weather', level: 'info', source: 'lifecycle', message: 'started', fields: { pid: 12 } }),
      store.appendStderrLine('weather', 'plain "quoted" line'),
      store.append({ serverId: 'github', level: 'warn', source: 'mcp', message: 'ünïcødé ✓' }),
    ];
    await store.flush();

    expect((await readdir(logDir)).sort()).toEqual(['github.jsonl', 'weather.jsonl']);
    expect(await fileEntries(path.join(logDir, 'weather.jsonl'))).toEqual(written.slice(0, 2));
    expect(await fileEntries(path.join(logDir, 'github.jsonl'))).toEqual(written.slice(2));
    expect((await stat(logDir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(logDir, 'weather.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it('rotates at maxFileBytes, keeps at most maxFiles, and every file stays valid JSONL', async () => {
    const maxFileBytes = 2_000;
    const store = createStore({ maxFileBytes, maxFiles: 3 });
    appendMany(store, 'chatty', 400);
    await store.flush();
    appendMany(store, 'chatty', 100);
    await store.flush();

    const names = (await readdir(logDir)).sort();
    expect(names).toEqual(['chatty.1.jsonl', 'chatty.2.jsonl', 'chatty.jsonl']);
    const seqs: number[] = [];
    for (const name of ['chatty.2.jsonl', 'chatty.1.jsonl', 'chatty.jsonl']) {
      expect((await stat(path.join(logDir, name))).size).toBeLessThanOrEqual(maxFileBytes);
      seqs.push(...(await fileEntries(path.join(logDir, name))).map((entry) => entry.seq));
    }
    // Oldest file first: the newest entries, contiguous, ending with the last one appended.
    expect(seqs.at(-1)).toBe(500);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => 500 - seqs.length + 1 + index));
  });

  it('keeps logs in memory only when dir is null', async () => {
    const store = createStore({ dir: null });
    store.append({ serverId: 'a', level: 'info', source: 'stderr', message: 'x' });
    await store.flush();
    await expect(stat(logDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(store.query({ limit: 10 })).toHaveLength(1);
  });

  it('keeps a server whose id is not a safe file name in memory only, and says so', async () => {
    const errors: Error[] = [];
    const store = createStore({ onError: (error) => errors.push(error) });
    store.append({ serverId: '../escape', level: 'info', source: 'stderr', message: 'x' });
    await store.flush();
    expect(store.query({ limit: 10, serverId: '../escape' })).toHaveLength(1);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('kept in memory only')]);
    expect(await readdir(root)).toEqual([]);
  });

  it('does not throw on write errors, reports once, and keeps the buffer working', async () => {
    await mkdir(path.dirname(logDir), { recursive: true });
    await writeFile(logDir, 'a file where the log folder should be');
    const errors: Error[] = [];
    const store = createStore({ onError: (error) => errors.push(error) });

    expect(() => appendMany(store, 'weather', 50)).not.toThrow();
    await store.flush();
    appendMany(store, 'weather', 50);
    await expect(store.flush()).resolves.toBeUndefined();

    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('weather.jsonl');
    expect(store.query({ limit: 1_000, serverId: 'weather' })).toHaveLength(100);
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('says in the timeline how many entries the disk could not keep up with', async () => {
    const store = createStore({ maxPendingBytes: 1_000 });
    appendMany(store, 'flood', 200);
    await store.flush();
    await store.flush(); // the note itself is written by the next batch

    const notes = store.query({ limit: 1_000, serverId: 'flood', minLevel: 'warn' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ source: 'lifecycle', message: expect.stringMatching(/^\d+ log entries were not written to .*flood\.jsonl \(\d+ because the disk fell behind\)/) });
    const onDisk = await fileEntries(path.join(logDir, 'flood.jsonl'));
    const dropped = Number(/^(\d+)/.exec(notes[0]?.message ?? '')?.[1]);
    expect(onDisk.length - 1 + dropped).toBe(200);
    expect(onDisk.at(-1)?.message).toBe(notes[0]?.message);
    expect(store.query({ limit: 1_000, serverId: 'flood' })).toHaveLength(201);
  });

  it('flush() puts everything appended so far on disk; after close() entries stay in memory only', async () => {
    const store = createStore();
    appendMany(store, 'weather', 3);
    await store.flush();
    expect((await fileEntries(path.join(logDir, 'weather.jsonl'))).map((entry) => entry.message)).toEqual(['line 1', 'line 2', 'line 3']);

    appendMany(store, 'weather', 2);
    await store.close();
    store.append({ serverId: 'weather', level: 'info', source: 'lifecycle', message: 'after close' });
    await store.flush();
    expect((await fileEntries(path.join(logDir, 'weather.jsonl'))).map((entry) => entry.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 1', 'line 2']);
    expect(store.query({ limit: 10 }).at(-1)?.message).toBe('after close');
  });

  it('a new store appends to the files of an earlier run', async () => {
    const first = createStore();
    appendMany(first, 'weather', 2);
    await first.close();
    const second = createStore();
    appendMany(second, 'weather', 1);
    await second.close();
    expect(await fileEntries(path.join(logDir, 'weather.jsonl'))).toHaveLength(3);
  });
});
