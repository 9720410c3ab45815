import { TtlCache } from '../kit/ttl-cache';

/**
 * A bounded TTL cache in front of an async loader. Concurrent misses for one key share a single
 * load, so a burst of identical calls makes one upstream request. Failures are not cached.
 */
export class CachedLoader<V> {
  private readonly cache: TtlCache<V>;
  private readonly inFlight = new Map<string, Promise<V>>();

  constructor(
    maxEntries: number,
    private readonly ttlMs: number,
  ) {
    this.cache = new TtlCache<V>(maxEntries);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = load()
      .then((value) => {
        this.cache.set(key, value, this.ttlMs);
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }
}
