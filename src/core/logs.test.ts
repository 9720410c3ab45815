import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogEntrySchema, type LogEntry } from '../shared/contract';
import { LogStore, type LogStoreOptions, type LogStoreQuery } from './logs';

let root: string;
const stores: LogStore[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mcp-tray-logs-'));
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await rm(root, { recursive: true, force: true });
});

function createStore(options: Partial<LogStoreOptions> = {}): LogStore {
  const store = new LogStore({ dir: path.join(root, 'logs'), bufferSize: 5_000, ...options });
  stores.push(store);
  return store;
}

function query(store: LogStore, filters: Partial<LogStoreQuery> = {}): LogEntry[] {
  return store.query({ limit: 1_000, ...filters });
}

async function fileEntries(file: string): Promise<LogEntry[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((row) => LogEntrySchema.parse(JSON.parse(row)));
}

describe('LogStore: appending', () => {
  it('assigns increasing seq across servers and an ISO time, and returns what it stored', () => {
    const store = createStore({ dir: null });
    const first = store.append({ serverId: 'weather', level: 'info', source: 'lifecycle', message: 'started', time: new Date('2025-05-01T10:00:00Z') });
    const second = store.append({ serverId: 'github', level: 'error', source: 'call', message: 'search failed', fields: { tool: 'search', ms: 12 } });
    expect(first).toEqual({ seq: 1, serverId: 'weather', time: '2025-05-01T10:00:00.000Z', level: 'info', source: 'lifecycle', message: 'started' });
    expect(second).toMatchObject({ seq: 2, serverId: 'github', level: 'error', fields: { tool: 'search', ms: 12 } });
    expect(Number.isNaN(Date.parse(second.time))).toBe(false);
    expect(query(store)).toEqual([first, second]);
  });

  it('turns a pino stderr line into level, message, fields and the line’s own time', () => {
    const store = createStore({ dir: null });
    const entry = store.appendStderrLine(
      'weather',
      '{"level":50,"time":"2025-06-01T08:00:00.000Z","pid":7,"hostname":"h","name":"weather","msg":"upstream failed","status":503}',
    );
    expect(entry).toEqual({ seq: 1, serverId: 'weather', time: '2025-06-01T08:00:00.000Z', level: 'error', source: 'stderr', message: 'upstream failed', fields: { status: 503 } });
  });

  it('keeps a plain stderr line as text', () => {
    const store = createStore({ dir: null });
    expect(store.appendStderrLine('custom', 'listening on stdio')).toMatchObject({ level: 'info', source: 'stderr', message: 'listening on stdio' });
    expect(store.appendStderrLine('custom', 'TypeError: x is undefined')).toMatchObject({ level: 'error', message: 'TypeError: x is undefined' });
  });

  it('caps a very long line with a note', () => {
    const store = createStore({ dir: null });
    const entry = store.appendStderrLine('custom', 'x'.repeat(200_000));
    expect(entry.message.length).toBeLessThan(17_000);
    expect(entry.message).toContain('[cut: 200000 characters');
  });

  it('uses the current time when given an invalid date', () => {
    const store = createStore({ dir: null });
    const entry = store.append({ serverId: 'a', level: 'info', source: 'lifecycle', message: 'x', time: new Date('nonsense') });
    expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
  });
});

describe('LogStore: ring buffer', () => {
  it('keeps the newest bufferSize entries per server, in order', () => {
    const store = createStore({ dir: null, bufferSize: 3 });
    for (let n = 1; n <= 7; n++) store.append({ serverId: 'a', level: 'info', source: 'stderr', message: `a${n}` });
    store.append({ serverId: 'b', level: 'info', source: 'stderr', message: 'b1' });
    expect(query(store, { serverId: 'a' }).map((entry) => entry.message)).toEqual(['a5', 'a6', 'a7']);
    expect(query(store, { serverId: 'b' }).map((entry) => entry.message)).toEqual(['b1']);
  });

  it('changes capacity for existing and new servers', () => {
    const store = createStore({ dir: null, bufferSize: 5 });
    for (let n = 1; n <= 5; n++) store.append({ serverId: 'a', level: 'info', source: 'stderr', message: `a${n}` });
    store.setBufferSize(2);
    expect(query(store, { serverId: 'a' }).map((entry) => entry.message)).toEqual(['a4', 'a5']);
    for (let n = 1; n <= 3; n++) store.append({ serverId: 'b', level: 'info', source: 'stderr', message: `b${n}` });
    expect(query(store, { serverId: 'b' }).map((entry) => entry.message)).toEqual(['b2', 'b3']);
    expect(() => store.setBufferSize(0)).toThrow(RangeError);
  });

  it('forgets a removed server and deletes its log files, rotations and earlier runs included', async () => {
    const logDir = path.join(root, 'logs');
    const store = createStore();
    store.append({ serverId: 'gone', level: 'info', source: 'stderr', message: 'bye' });
    store.append({ serverId: 'gone-too', level: 'info', source: 'stderr', message: 'stays' });
    await store.flush();
    // A rotation from an earlier run, and a file that only looks alike: only the server's own go.
    await writeFile(path.join(logDir, 'gone.1.jsonl'), '{}\n');
    await writeFile(path.join(logDir, 'gone.notes.jsonl'), '{}\n');
    expect((await fileEntries(path.join(logDir, 'gone.jsonl'))).map((entry) => entry.message)).toEqual(['bye']);

    await store.removeServer('gone');
    expect(query(store, { serverId: 'gone' })).toEqual([]);
    expect((await readdir(logDir)).sort()).toEqual(['gone-too.jsonl', 'gone.notes.jsonl']);
  });

  it('says how many lines it keeps in memory and which file it writes', () => {
    const store = createStore({ bufferSize: 200, maxFiles: 3 });
    expect(store.storageOf('weather')).toMatchObject({ linesInMemory: 200, file: path.join(root, 'logs', 'weather.jsonl'), maxFiles: 3 });
    store.setBufferSize(300);
    expect(store.storageOf('weather').linesInMemory).toBe(300);
    expect(createStore({ dir: null }).storageOf('weather').file).toBeNull();
  });

  it('deletes the files of a removed server that has not logged since the manager started', async () => {
    const logDir = path.join(root, 'logs');
    await mkdir(logDir, { recursive: true });
    await writeFile(path.join(logDir, 'old.jsonl'), '{}\n');
    await createStore().removeServer('old');
    expect(await readdir(logDir)).toEqual([]);
  });
});

describe('LogStore: query', () => {
  function seeded(): LogStore {
    const store = createStore({ dir: null });
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));
    store.append({ serverId: 'weather', level: 'debug', source: 'stderr', message: 'cache miss', time: at(0) });
    store.append({ serverId: 'weather', level: 'info', source: 'call', message: 'get_weather ok', fields: { city: 'Reykjavík' }, time: at(1) });
    store.append({ serverId: 'github', level: 'warn', source: 'stderr', message: 'Rate limit low', time: at(2) });
    store.append({ serverId: 'weather', level: 'error', source: 'lifecycle', message: 'exited with code 1', time: at(3) });
    store.append({ serverId: 'github', level: 'fatal', source: 'stderr', message: 'crashed', fields: { reason: 'RATE limit' }, time: at(4) });
    return store;
  }
  const messages = (entries: LogEntry[]) => entries.map((entry) => entry.message);

  it('filters by server and by minimum level', () => {
    const store = seeded();
    expect(messages(query(store, { serverId: 'weather' }))).toEqual(['cache miss', 'get_weather ok', 'exited with code 1']);
    expect(messages(query(store, { minLevel: 'warn' }))).toEqual(['Rate limit low', 'exited with code 1', 'crashed']);
    expect(messages(query(store, { serverId: 'weather', minLevel: 'info' }))).toEqual(['get_weather ok', 'exited with code 1']);
    expect(query(store, { serverId: 'nobody' })).toEqual([]);
  });

  it('finds text case-insensitively in the message and in the fields', () => {
    const store = seeded();
    expect(messages(query(store, { text: 'rate LIMIT' }))).toEqual(['Rate limit low', 'crashed']);
    expect(messages(query(store, { text: 'reykjavík' }))).toEqual(['get_weather ok']);
  });

  it('filters by time, inclusive, with any offset', () => {
    const store = seeded();
    expect(messages(query(store, { since: '2025-01-01T12:01:00Z', until: '2025-01-01T13:03:00+01:00' }))).toEqual(['get_weather ok', 'Rate limit low', 'exited with code 1']);
  });

  it('returns entries after a seq, for resuming a tail', () => {
    const store = seeded();
    expect(query(store, { afterSeq: 3 }).map((entry) => entry.seq)).toEqual([4, 5]);
    expect(query(store, { afterSeq: 5 })).toEqual([]);
  });

  it('returns the newest `limit` entries, oldest first, across servers', () => {
    const store = seeded();
    expect(query(store, { limit: 2 }).map((entry) => entry.seq)).toEqual([4, 5]);
    expect(query(store, { limit: 2, serverId: 'weather' }).map((entry) => entry.seq)).toEqual([2, 4]);
    expect(query(store, { limit: 1, minLevel: 'warn', serverId: 'github' }).map((entry) => entry.seq)).toEqual([5]);
  });

  it('filters by the client that made a call, whatever the case of its name', () => {
    const store = createStore({ dir: null });
    const call = (client: string | undefined, tool: string) =>
      store.append({ serverId: 'weather', level: 'info', source: 'call', message: `${tool} ok`, fields: { tool, ...(client === undefined ? {} : { client }) } });
    call('claude-desktop', 'get_weather');
    call('Cursor', 'get_forecast');
    call(undefined, 'search_locations');
    call('claude-desktop-beta', 'get_weather');
    store.append({ serverId: 'weather', level: 'info', source: 'call', message: 'echo ok', fields: { tool: 'echo', arguments: { client: 'cursor' } } });
    store.append({ serverId: 'weather', level: 'info', source: 'lifecycle', message: 'client cursor connected', fields: { client: 'cursor' } });
    expect(messages(query(store, { client: 'CLAUDE-desktop' }))).toEqual(['get_weather ok']);
    expect(messages(query(store, { client: 'cursor' }))).toEqual(['get_forecast ok']);
    expect(query(store, { client: 'codex' })).toEqual([]);
  });

  it('returns copies, so a caller cannot change what is stored', () => {
    const store = seeded();
    const [first] = query(store, { text: 'get_weather' });
    if (first?.fields) first.fields.city = 'changed';
    expect(query(store, { text: 'get_weather' })[0]?.fields).toEqual({ city: 'Reykjavík' });
  });
});

describe('LogStore: subscribe', () => {
  it('delivers every new entry until unsubscribed', () => {
    const store = createStore({ dir: null });
    const received: number[] = [];
    const unsubscribe = store.subscribe((entry) => received.push(entry.seq));
    store.append({ serverId: 'a', level: 'info', source: 'stderr', message: 'one' });
    store.appendStderrLine('b', 'two');
    unsubscribe();
    store.append({ serverId: 'a', level: 'info', source: 'stderr', message: 'three' });
    expect(received).toEqual([1, 2]);
  });

  it('keeps going when a listener throws, reporting that listener once', () => {
    const errors: Error[] = [];
    const store = createStore({ dir: null, onError: (error) => errors.push(error) });
    const received: string[] = [];
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe((entry) => received.push(entry.message));
    expect(() => store.append({ serverId: 'a', level: 'info', source: 'stderr', message: 'one' })).not.toThrow();
    store.append({ serverId: 'a', level: 'info', source: 'stderr', message: 'two' });
    expect(received).toEqual(['one', 'two']);
    expect(query(store).map((entry) => entry.message)).toEqual(['one', 'two']);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('listener bug')]);
  });
});

describe('LogStore: lines appended soon', () => {
  const callLine = (message: string) => () => ({ serverId: 'a', level: 'info' as const, source: 'call' as const, message });

  it('stores them by itself within a moment, for subscribers and on disk', async () => {
    const store = createStore();
    const seen: string[] = [];
    store.subscribe((entry) => seen.push(entry.message));
    store.appendSoon(callLine('echo ok in 1 ms'));
    expect(seen).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(['echo ok in 1 ms']);
    await store.flush();
    expect((await fileEntries(path.join(root, 'logs', 'a.jsonl'))).map((entry) => entry.message)).toEqual(['echo ok in 1 ms']);
  });

  it('keeps the order they were given in: any other append, a query or a flush stores the waiting ones first', async () => {
    const store = createStore();
    store.appendSoon(callLine('first'));
    store.append({ serverId: 'a', level: 'info', source: 'stderr', message: 'second' });
    store.appendSoon(callLine('third'));
    expect(query(store).map((entry) => entry.message)).toEqual(['first', 'second', 'third']);
    store.appendSoon(callLine('fourth'));
    await store.flush();
    expect((await fileEntries(path.join(root, 'logs', 'a.jsonl'))).map((entry) => entry.message)).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('stores a burst at once rather than letting it pile up', () => {
    const store = createStore();
    const seen: string[] = [];
    store.subscribe((entry) => seen.push(entry.message));
    for (let index = 0; index < 1_000; index++) store.appendSoon(callLine(`call ${index}`));
    // Never more than a small batch waits; the rest were stored as the burst went.
    expect(seen.length).toBeGreaterThan(900);
    expect(seen.slice(0, 3)).toEqual(['call 0', 'call 1', 'call 2']);
  });

  it('reports a line that cannot be built, and still stores the others', () => {
    const errors: string[] = [];
    const store = createStore({ onError: (error) => errors.push(error.message) });
    store.appendSoon(callLine('before'));
    store.appendSoon(() => {
      throw new Error('no result');
    });
    store.appendSoon(callLine('after'));
    expect(query(store).map((entry) => entry.message)).toEqual(['before', 'after']);
    expect(errors).toEqual(['A log line could not be built: no result']);
  });

  it('redacts them like any other line', () => {
    const store = createStore();
    store.setSecrets('a', ['s3cr3t-token-value']);
    store.appendSoon(() => ({ serverId: 'a', level: 'info', source: 'call', message: 'echo ok', fields: { result: 'the token is s3cr3t-token-value' } }));
    expect(query(store)[0]?.fields).toEqual({ result: 'the token is [redacted]' });
  });
});
