import { untilAborted } from '../kit/abortable';
import { TtlCache } from '../kit/ttl-cache';
import { upstreamObserver } from '../kit/upstream-telemetry';

export interface CachedLoaderOptions {
  /** A fixed short name, e.g. "place-search": the cache's metric label. */
  name: string;
  maxEntries: number;
  ttlMs: number;
}

interface SharedLoad<V> {
  promise: Promise<V>;
  controller: AbortController;
  /** Callers still waiting; when the last one gives up, the load itself is aborted. */
  waiting: number;
}

/**
 * A bounded TTL cache in front of an async loader. Concurrent misses for one key share a single
 * load, so a burst of identical calls makes one upstream request. Failures are not cached.
 * A caller whose signal aborts stops waiting at once; the shared load is aborted only when no one waits for it.
 */
export class CachedLoader<V> {
  private readonly cache: TtlCache<V>;
  private readonly inFlight = new Map<string, SharedLoad<V>>();

  constructor(private readonly options: CachedLoaderOptions) {
    this.cache = new TtlCache<V>(options.maxEntries);
  }

  get(key: string, load: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    const cached = this.cache.get(key);
    upstreamObserver().cacheLookup(this.options.name, cached !== undefined);
    if (cached !== undefined) return Promise.resolve(cached);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const shared = this.inFlight.get(key) ?? this.startLoad(key, load);
    shared.waiting += 1;
    const giveUp = () => {
      shared.waiting -= 1;
      if (shared.waiting > 0) return;
      // Forgotten at once, not when it settles: a caller arriving meanwhile must not join a cancelled load.
      if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
      shared.controller.abort(signal?.reason);
    };
    signal?.addEventListener('abort', giveUp, { once: true });
    return untilAborted(shared.promise, signal).finally(() => signal?.removeEventListener('abort', giveUp));
  }

  private startLoad(key: string, load: (signal: AbortSignal) => Promise<V>): SharedLoad<V> {
    const controller = new AbortController();
    const promise = load(controller.signal)
      .then((value) => {
        this.cache.set(key, value, this.options.ttlMs);
        return value;
      })
      .finally(() => {
        if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
      });
    // Every waiter may have given up; the rejection is then nobody's to handle.
    promise.catch(() => {});
    const shared: SharedLoad<V> = { promise, controller, waiting: 0 };
    this.inFlight.set(key, shared);
    return shared;
  }
}
