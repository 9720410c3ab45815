import type * as z from 'zod';
import { untilAborted } from '../kit/abortable';
import { sharedResponseCache } from '../kit/shared-response-cache';
import { TtlCache } from '../kit/ttl-cache';
import { upstreamObserver, type CacheLookupResult } from '../kit/upstream-telemetry';

export interface CachedLoaderOptions<V> {
  /** A fixed short name, e.g. "place-search": the cache's metric label and part of its shared keys. */
  name: string;
  maxEntries: number;
  ttlMs: number;
  /**
   * Shares loaded values through the shared response cache when HTTP mode installed one (Redis).
   * `scope` keeps apart answers of different upstreams (e.g. the configured base URL); `schema`
   * checks what is read back, and a value that does not match is loaded afresh.
   */
  shared?: { scope: string; schema: z.ZodType<V> };
}

interface Loaded<V> {
  value: V;
  source: Exclude<CacheLookupResult, 'hit'>;
}

interface SharedLoad<V> {
  promise: Promise<Loaded<V>>;
  controller: AbortController;
  /** Callers still waiting; when the last one gives up, the load itself is aborted. */
  waiting: number;
}

/**
 * A bounded TTL cache in front of an async loader. Concurrent misses for one key share a single
 * load, so a burst of identical calls makes one upstream request. Failures are not cached.
 * A caller whose signal aborts stops waiting at once; the shared load is aborted only when no one waits for it.
 * With a shared response cache installed, a load first looks there, and stores what it loads there.
 */
export class CachedLoader<V> {
  private readonly cache: TtlCache<V>;
  private readonly inFlight = new Map<string, SharedLoad<V>>();

  constructor(private readonly options: CachedLoaderOptions<V>) {
    this.cache = new TtlCache<V>(options.maxEntries);
  }

  get(key: string, load: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<V> {
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      this.counted('hit');
      return Promise.resolve(cached);
    }
    if (signal?.aborted) {
      this.counted('miss');
      return Promise.reject(signal.reason);
    }
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
    return untilAborted(shared.promise, signal)
      .then(
        ({ value, source }) => {
          this.counted(source);
          return value;
        },
        (error: unknown) => {
          this.counted('miss');
          throw error;
        },
      )
      .finally(() => signal?.removeEventListener('abort', giveUp));
  }

  private counted(result: CacheLookupResult): void {
    upstreamObserver().cacheLookup(this.options.name, result);
  }

  private startLoad(key: string, load: (signal: AbortSignal) => Promise<V>): SharedLoad<V> {
    const controller = new AbortController();
    const promise = this.loadThroughSharedCache(key, load, controller.signal)
      .then((loaded) => {
        this.cache.set(key, loaded.value, loaded.ttlMs);
        return loaded;
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

  private async loadThroughSharedCache(
    key: string,
    load: (signal: AbortSignal) => Promise<V>,
    signal: AbortSignal,
  ): Promise<Loaded<V> & { ttlMs: number }> {
    const { name, ttlMs, shared } = this.options;
    const store = shared ? sharedResponseCache() : undefined;
    if (!shared || !store) return { value: await load(signal), source: 'miss', ttlMs };
    const sharedKey = `${shared.scope}\n${key}`;
    const found = await store.get(name, sharedKey);
    const decoded = found ? shared.schema.safeParse(found.value) : undefined;
    // Kept here only as long as it has left in the shared cache, so every replica's copy expires together.
    if (found && decoded?.success) return { value: decoded.data, source: 'shared_hit', ttlMs: Math.min(found.ttlMs, ttlMs) };
    signal.throwIfAborted();
    const value = await load(signal);
    await store.set(name, sharedKey, value, ttlMs);
    return { value, source: 'miss', ttlMs };
  }
}
