import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { installSharedResponseCache, type SharedResponseCache } from '../kit/shared-response-cache';
import { CachedLoader } from './cached-loader';

describe('CachedLoader', () => {
  it('loads once and then answers from the cache', async () => {
    const loader = new CachedLoader<number>({ name: 'test', maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ++loads;
    expect(await loader.get('a', load)).toBe(1);
    expect(await loader.get('a', load)).toBe(1);
    expect(await loader.get('b', load)).toBe(2);
    expect(loads).toBe(2);
  });

  it('shares one load between concurrent callers of the same key', async () => {
    const loader = new CachedLoader<string>({ name: 'test', maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    let finish: (value: string) => void = () => undefined;
    const load = () => {
      loads += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = loader.get('k', load);
    const second = loader.get('k', load);
    finish('done');
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(loads).toBe(1);
  });

  it('starts a new load for a caller who comes after everyone gave up on the old one', async () => {
    const loader = new CachedLoader<string>({ name: 'test', maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    // The first load settles only some time after it is aborted, as a real request does.
    const load = (signal: AbortSignal) => {
      loads += 1;
      if (loads > 1) return Promise.resolve('fresh');
      return new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => setImmediate(() => reject(signal.reason))));
    };
    const leaving = new AbortController();
    const first = loader.get('k', load, leaving.signal);
    leaving.abort(new Error('cancelled by the first caller'));
    await expect(first).rejects.toThrow('cancelled by the first caller');
    expect(await loader.get('k', load)).toBe('fresh');
    expect(loads).toBe(2);
  });

  it('does not keep a failure: the next caller loads again', async () => {
    const loader = new CachedLoader<string>({ name: 'test', maxEntries: 10, ttlMs: 60_000 });
    await expect(loader.get('k', () => Promise.reject(new Error('upstream down')))).rejects.toThrow('upstream down');
    expect(await loader.get('k', async () => 'recovered')).toBe('recovered');
  });
});

describe('CachedLoader with a shared response cache', () => {
  const stored = new Map<string, { value: unknown; ttlMs: number }>();
  const store: SharedResponseCache = {
    get: async (cache, key) => stored.get(`${cache}|${key}`),
    set: async (cache, key, value, ttlMs) => void stored.set(`${cache}|${key}`, { value, ttlMs }),
  };
  beforeEach(() => {
    stored.clear();
    installSharedResponseCache(store);
  });
  afterEach(() => installSharedResponseCache(undefined));

  const shared = { scope: 'https://upstream.test/v1', schema: z.object({ celsius: z.number() }) };

  it('answers from a value another replica stored, and stores what it loads for the others', async () => {
    const first = new CachedLoader({ name: 'forecast', maxEntries: 10, ttlMs: 60_000, shared });
    const second = new CachedLoader({ name: 'forecast', maxEntries: 10, ttlMs: 60_000, shared });
    let loads = 0;
    const load = async () => ({ celsius: ++loads });
    expect(await first.get('berlin', load)).toEqual({ celsius: 1 });
    expect(await second.get('berlin', load)).toEqual({ celsius: 1 });
    expect(loads).toBe(1);
    expect([...stored.keys()]).toEqual(['forecast|https://upstream.test/v1\nberlin']);
  });

  it('loads afresh when the shared value does not have the expected shape', async () => {
    stored.set('forecast|https://upstream.test/v1\nberlin', { value: { fahrenheit: 50 }, ttlMs: 60_000 });
    const loader = new CachedLoader({ name: 'forecast', maxEntries: 10, ttlMs: 60_000, shared });
    expect(await loader.get('berlin', async () => ({ celsius: 10 }))).toEqual({ celsius: 10 });
    expect(stored.get('forecast|https://upstream.test/v1\nberlin')?.value).toEqual({ celsius: 10 });
  });
});
