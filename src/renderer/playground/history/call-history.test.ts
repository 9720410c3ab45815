import { describe, expect, it } from 'vitest';
import { CallHistoryStore, historyKey, summarize, type CallHistoryEntry } from './call-history';
import { MemoryStorage, type KeyValueStorage } from '../key-value-storage';
import { ToolInputStore } from '../tools/tool-input-store';

function entry(id: string, overrides: Partial<CallHistoryEntry> = {}): CallHistoryEntry {
  return { id, at: '2024-05-01T12:00:00.000Z', arguments: { location: id }, outcome: 'ok', summary: 'fine', durationMs: 12, ...overrides };
}

/** Storage that holds at most `capacity` characters per value, as a full localStorage would. */
class SmallStorage extends MemoryStorage {
  constructor(private readonly capacity: number) {
    super();
  }

  override setItem(key: string, value: string): void {
    if (value.length > this.capacity) throw new Error('QuotaExceededError');
    super.setItem(key, value);
  }
}

describe('CallHistoryStore', () => {
  it('keeps calls per server and tool, newest first, and persists them', () => {
    const storage = new MemoryStorage();
    const store = new CallHistoryStore(storage);
    store.record('weather', 'get_weather', entry('1'));
    store.record('weather', 'get_weather', entry('2'));
    store.record('weather', 'get_forecast', entry('3'));
    store.record('other', 'get_weather', entry('4'));
    expect(store.list('weather', 'get_weather').map((item) => item.id)).toEqual(['2', '1']);
    expect(new CallHistoryStore(storage).list('weather', 'get_weather').map((item) => item.id)).toEqual(['2', '1']);
    expect(new CallHistoryStore(storage).list('weather', 'get_forecast').map((item) => item.id)).toEqual(['3']);
  });

  it('keeps only the last 50', () => {
    const store = new CallHistoryStore(new MemoryStorage());
    for (let index = 0; index < 60; index += 1) store.record('s', 't', entry(String(index)));
    const ids = store.list('s', 't').map((item) => item.id);
    expect(ids).toHaveLength(50);
    expect(ids[0]).toBe('59');
    expect(ids.at(-1)).toBe('10');
  });

  it('returns the same list until it changes, and tells subscribers when it does', () => {
    const store = new CallHistoryStore(new MemoryStorage());
    let notified = 0;
    const unsubscribe = store.subscribe(() => (notified += 1));
    const before = store.list('s', 't');
    expect(store.list('s', 't')).toBe(before);
    store.record('s', 't', entry('1'));
    expect(store.list('s', 't')).not.toBe(before);
    store.clear('s', 't');
    expect(store.list('s', 't')).toEqual([]);
    unsubscribe();
    store.record('s', 't', entry('2'));
    expect(notified).toBe(2);
  });

  it('drops stored entries it cannot read instead of failing', () => {
    const storage: KeyValueStorage = new MemoryStorage();
    storage.setItem(historyKey('s', 'broken'), '{not json');
    storage.setItem(historyKey('s', 'mixed'), JSON.stringify([entry('good'), { id: 'bad' }]));
    const store = new CallHistoryStore(storage);
    expect(store.list('s', 'broken')).toEqual([]);
    expect(store.list('s', 'mixed').map((item) => item.id)).toEqual(['good']);
  });

  it('keeps the newer calls when storage is full, and all of them in memory', () => {
    const big = 'x'.repeat(400);
    const storage = new SmallStorage(1500);
    const store = new CallHistoryStore(storage);
    for (let index = 0; index < 6; index += 1) store.record('s', 't', entry(String(index), { summary: big }));
    expect(store.list('s', 't')).toHaveLength(6);
    const persisted = new CallHistoryStore(storage).list('s', 't').map((item) => item.id);
    expect(persisted.length).toBeGreaterThan(0);
    expect(persisted[0]).toBe('5');
  });

  it('summarizes a result to its first line', () => {
    expect(summarize('\n  Sunny\nWind 3 km/h')).toBe('Sunny');
    expect(summarize('x'.repeat(300))).toHaveLength(160);
  });
});

describe('ToolInputStore', () => {
  it('remembers input per server and tool across instances', () => {
    const storage = new MemoryStorage();
    new ToolInputStore(storage).set('weather', 'get_weather', { mode: 'json', formValue: { location: 'Berlin' }, jsonText: '{"location":"Berlin"}' });
    const restored = new ToolInputStore(storage);
    expect(restored.get('weather', 'get_weather')).toEqual({ mode: 'json', formValue: { location: 'Berlin' }, jsonText: '{"location":"Berlin"}' });
    expect(restored.get('weather', 'get_forecast')).toBeUndefined();
    expect(restored.get('github', 'get_weather')).toBeUndefined();
  });

  it('keeps input in memory when storage refuses it, and ignores unreadable entries', () => {
    const storage = new SmallStorage(10);
    const store = new ToolInputStore(storage);
    store.set('s', 't', { mode: 'form', formValue: { a: 'long enough to overflow' }, jsonText: '' });
    expect(store.get('s', 't')?.formValue).toEqual({ a: 'long enough to overflow' });
    const other = new MemoryStorage();
    other.setItem('mcp-tray.playground.inputs.v1:s:t', '{"mode":"nope"}');
    expect(new ToolInputStore(other).get('s', 't')).toBeUndefined();
  });
});
