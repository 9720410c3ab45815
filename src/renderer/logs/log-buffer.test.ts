import { describe, expect, it } from 'vitest';
import type { LogEntry, LogLevel } from '../../shared/contract';
import { LogBuffer } from './log-buffer';
import { FilteredLog, firstIndexAfter } from './log-filter';
import { SeenClients } from './log-clients';
import { exportFileName, toJsonLines, toPlainText } from './log-export';

function entry(seq: number, level: LogLevel = 'info', message = `line ${seq}`, fields?: Record<string, unknown>): LogEntry {
  return { seq, serverId: 'weather', time: '2025-01-31T14:03:27.120Z', level, source: 'stderr', message, ...(fields ? { fields } : {}) };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => entry(from + index));

describe('LogBuffer', () => {
  it('keeps entries in order and skips ones it already has (query and live events overlap)', () => {
    const buffer = new LogBuffer(100);
    expect(buffer.append(range(0, 5))).toBe(5);
    expect(buffer.append(range(3, 8))).toBe(3);
    expect(buffer.entries.map((item) => item.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('drops the oldest entries beyond its capacity', () => {
    const buffer = new LogBuffer(3);
    buffer.append(range(0, 5));
    expect(buffer.entries.map((item) => item.seq)).toEqual([2, 3, 4]);
    buffer.append([entry(5)]);
    expect(buffer.entries.map((item) => item.seq)).toEqual([3, 4, 5]);
  });

  it('changes version only when its contents change', () => {
    const buffer = new LogBuffer(10);
    const start = buffer.version;
    buffer.append([entry(1)]);
    const afterAppend = buffer.version;
    buffer.append([entry(1)]);
    expect(afterAppend).toBeGreaterThan(start);
    expect(buffer.version).toBe(afterAppend);
    buffer.clear();
    expect(buffer.version).toBeGreaterThan(afterAppend);
    expect(buffer.entries).toHaveLength(0);
  });

  it('holds 100,000 entries and appends to a full buffer quickly', () => {
    const buffer = new LogBuffer(100_000);
    buffer.append(range(0, 100_000));
    const started = performance.now();
    for (let seq = 100_000; seq < 101_000; seq += 10) buffer.append(range(seq, seq + 10));
    expect(performance.now() - started).toBeLessThan(500);
    expect(buffer.entries).toHaveLength(100_000);
    expect(buffer.entries[0]?.seq).toBe(1_000);
  });
});

describe('FilteredLog', () => {
  it('filters by minimum level and by case-insensitive text in the message or the fields', () => {
    const entries = [entry(1, 'debug', 'Starting'), entry(2, 'warn', 'slow upstream', { url: 'https://API.example' }), entry(3, 'error', 'Boom')];
    const filtered = new FilteredLog();
    expect(filtered.update(entries, { minLevel: 'info', text: '', client: '' }).map((item) => item.seq)).toEqual([2, 3]);
    expect(filtered.update(entries, { minLevel: 'trace', text: 'api.EXAMPLE', client: '' }).map((item) => item.seq)).toEqual([2]);
    expect(filtered.update(entries, { minLevel: 'trace', text: '  boom ', client: '' }).map((item) => item.seq)).toEqual([3]);
  });

  it('only examines new entries while the filter stays the same, and follows the buffer dropping old ones', () => {
    const buffer = new LogBuffer(5);
    const filtered = new FilteredLog();
    const filter = { minLevel: 'trace' as const, text: '', client: '' };
    buffer.append(range(0, 4));
    expect(filtered.update(buffer.entries, filter)).toHaveLength(4);
    buffer.append(range(4, 8));
    expect(filtered.update(buffer.entries, filter).map((item) => item.seq)).toEqual([3, 4, 5, 6, 7]);
  });

  it('starts over after the buffer is cleared', () => {
    const buffer = new LogBuffer(10);
    const filtered = new FilteredLog();
    const filter = { minLevel: 'trace' as const, text: '', client: '' };
    buffer.append(range(0, 3));
    filtered.update(buffer.entries, filter);
    buffer.clear();
    expect(filtered.update(buffer.entries, filter)).toHaveLength(0);
    buffer.append(range(10, 12));
    expect(filtered.update(buffer.entries, filter).map((item) => item.seq)).toEqual([10, 11]);
  });

  it('finds the first entry after a sequence number by bisection', () => {
    const entries = [entry(2), entry(4), entry(6)];
    expect(firstIndexAfter(entries, 1)).toBe(0);
    expect(firstIndexAfter(entries, 4)).toBe(2);
    expect(firstIndexAfter(entries, 6)).toBe(3);
    expect(firstIndexAfter(entries, Number.NEGATIVE_INFINITY)).toBe(0);
  });
});

describe('log export', () => {
  it('writes one JSON object per line', () => {
    const text = toJsonLines([entry(1), entry(2)]);
    expect(text.split('\n')).toHaveLength(3);
    expect(JSON.parse(text.split('\n')[1] ?? '')).toMatchObject({ seq: 2 });
  });

  it('writes readable lines with level, source and fields', () => {
    expect(toPlainText([entry(1, 'warn', 'slow', { ms: 900 })])).toBe('2025-01-31T14:03:27.120Z WARN  [stderr] slow {"ms":900}');
  });

  it('names the export file after the server and the time, without colons', () => {
    expect(exportFileName('weather', new Date('2025-01-31T14:03:27.120Z'))).toBe('mcp-tray-weather-2025-01-31T14-03-27.jsonl');
  });
});

describe('LogBuffer.prepend (backfill)', () => {
  it('adds only older entries, in order, in front', () => {
    const buffer = new LogBuffer(10);
    buffer.append(range(5, 8));
    expect(buffer.prepend(range(2, 7))).toBe(3);
    expect(buffer.entries.map((item) => item.seq)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('keeps the newest of the older entries when they do not all fit', () => {
    const buffer = new LogBuffer(5);
    buffer.append(range(10, 13));
    expect(buffer.prepend(range(0, 10))).toBe(2);
    expect(buffer.entries.map((item) => item.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(buffer.prepend(range(0, 8))).toBe(0);
  });

  it('makes a FilteredLog rebuild so the older entries are shown', () => {
    const buffer = new LogBuffer(10);
    const filtered = new FilteredLog();
    const filter = { minLevel: 'trace' as const, text: '', client: '' };
    buffer.append(range(5, 7));
    filtered.update(buffer.entries, filter);
    buffer.prepend(range(3, 5));
    expect(filtered.update(buffer.entries, filter).map((item) => item.seq)).toEqual([3, 4, 5, 6]);
  });
});

describe('FilteredLog: by client', () => {
  const call = (seq: number, client?: string): LogEntry => ({ ...entry(seq, 'info', `call ${seq}`, client === undefined ? { tool: 'get_weather' } : { tool: 'get_weather', client }), source: 'call' });

  it('keeps only the calls of the chosen client, whatever the case, and every line when none is chosen', () => {
    const entries = [call(1, 'claude-desktop'), call(2, 'Cursor'), call(3), entry(4, 'info', 'client cursor connected', { client: 'cursor' }), call(5, 'CLAUDE-DESKTOP')];
    const filtered = new FilteredLog();
    expect(filtered.update(entries, { minLevel: 'trace', text: '', client: 'Claude-Desktop' }).map((item) => item.seq)).toEqual([1, 5]);
    expect(filtered.update(entries, { minLevel: 'trace', text: '', client: 'cursor' }).map((item) => item.seq)).toEqual([2]);
    expect(filtered.update(entries, { minLevel: 'trace', text: '', client: '' })).toHaveLength(5);
  });
});

describe('SeenClients', () => {
  const call = (seq: number, client: string): LogEntry => ({ ...entry(seq, 'info', `call ${seq}`, { client }), source: 'call' });

  it('lists each client once, sorted, as new calls arrive', () => {
    const buffer = new LogBuffer(10);
    const seen = new SeenClients();
    buffer.append([call(1, 'cursor'), entry(2, 'info', 'client codex connected', { client: 'codex' }), call(3, 'claude-desktop')]);
    expect(seen.update(buffer.entries)).toEqual(['claude-desktop', 'cursor']);
    buffer.append([call(4, 'Cursor'), call(5, 'codex')]);
    expect(seen.update(buffer.entries)).toEqual(['claude-desktop', 'codex', 'cursor']);
  });
});
