/** An upstream answer found in the shared cache, and how long it stays fresh. */
export interface SharedCacheEntry {
  value: unknown;
  ttlMs: number;
}

/**
 * An upstream response cache shared by every replica (Redis in HTTP mode with REDIS_URL). It is only
 * an optimisation: neither method ever throws, and an unreachable store reads as empty, so a call
 * falls back to asking the upstream itself.
 */
export interface SharedResponseCache {
  get(cache: string, key: string): Promise<SharedCacheEntry | undefined>;
  /** Stores a JSON-serialisable value for `ttlMs`; one too large to share is left out. */
  set(cache: string, key: string, value: unknown, ttlMs: number): Promise<void>;
}

let installed: SharedResponseCache | undefined;

/** HTTP mode installs one at start when Redis is configured; over stdio there is none. */
export function installSharedResponseCache(cache: SharedResponseCache | undefined): void {
  installed = cache;
}

export function sharedResponseCache(): SharedResponseCache | undefined {
  return installed;
}
