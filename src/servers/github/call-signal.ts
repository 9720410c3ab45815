import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The signal of the MCP request being served. One Octokit serves every call, so the call's signal travels
 * with the async context instead of through each of the many request sites.
 */
const callSignals = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` so that every GitHub request it sends is aborted the moment `signal` aborts. */
export function withCallSignal<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  return callSignals.run(signal, work);
}

/** The signal of the call this code runs for, if any. */
export function currentCallSignal(): AbortSignal | undefined {
  return callSignals.getStore();
}

/**
 * Thrown when GitHub does not answer in time. Named AbortError on purpose: Octokit passes such an
 * error through unwrapped, so neither the retry plugin nor the throttling plugin retries it and a slow
 * GitHub costs the person one timeout, not three.
 */
export class GitHubTimeoutError extends Error {
  override readonly name = 'AbortError';
  constructor(readonly timeoutMs: number) {
    super(`GitHub did not answer within ${timeoutMs} ms`);
  }
}
