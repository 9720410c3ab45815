import { describe, expect, it } from 'vitest';
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
