/** A cache lookup answered from this process's cache, from the cache shared by replicas, or by the upstream. */
export type CacheLookupResult = 'hit' | 'shared_hit' | 'miss';

/** What became of one request to an upstream API: its HTTP status, or why it got none. */
export type UpstreamStatus = number | 'timeout' | 'network' | 'cancelled';

/**
 * Where upstream requests and cache lookups are reported. Over stdio nobody listens, so the clients
 * report into a no-op; HTTP mode installs its metrics here at start. This module holds no metrics
 * library, so a stdio start does not load one.
 */
export interface UpstreamObserver {
  /** `upstream` and `cache` are fixed names chosen in code: never a URL, a repository or a token. */
  upstreamResponded(upstream: string, status: UpstreamStatus): void;
  cacheLookup(cache: string, result: CacheLookupResult): void;
}

const ignored: UpstreamObserver = { upstreamResponded: () => {}, cacheLookup: () => {} };
let installed: UpstreamObserver = ignored;

export function installUpstreamObserver(observer: UpstreamObserver | undefined): void {
  installed = observer ?? ignored;
}

export function upstreamObserver(): UpstreamObserver {
  return installed;
}

/** Why a request got no answer: its own deadline, the caller leaving, or the network. */
export function unansweredStatus(deadline: AbortSignal, signal: AbortSignal | null | undefined): UpstreamStatus {
  if (deadline.aborted) return 'timeout';
  return signal?.aborted ? 'cancelled' : 'network';
}
