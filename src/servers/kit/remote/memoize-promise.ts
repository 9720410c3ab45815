/**
 * Shares one run of `load` between callers. `until-rejected` keeps its value for good once it succeeds
 * and forgets a failure, so the next caller tries again (discovery, signing keys); `while-pending`
 * shares only the run in flight (a readiness probe).
 */
export function memoizePromise<T>(load: () => Promise<T>, keep: 'until-rejected' | 'while-pending'): () => Promise<T> {
  let current: Promise<T> | undefined;
  return () => {
    if (current) return current;
    const started = load();
    current = started;
    const forget = () => {
      if (current === started) current = undefined;
    };
    if (keep === 'while-pending') started.then(forget, forget);
    else started.catch(forget);
    return started;
  };
}
