import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('expires entries after their TTL', () => {
    const clock = { now: 0 };
    const cache = new TtlCache<string>(10, () => clock.now);
    cache.set('a', 'A', 100);
    expect(cache.get('a')).toBe('A');
    clock.now = 100;
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new TtlCache<number>(2);
    cache.set('a', 1, 1_000);
    cache.set('b', 2, 1_000);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3, 1_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
