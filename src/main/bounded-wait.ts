/**
 * Quitting waits for every server to stop, but not forever: a server that ignores SIGTERM is
 * killed by its supervisor, and the orphan guard ends whatever is left if the app exits first.
 */
type WaitOutcome = 'done' | 'failed' | 'timed-out';

export function waitAtMost(work: Promise<unknown>, timeoutMs: number): Promise<WaitOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    work.then(
      () => {
        clearTimeout(timer);
        resolve('done');
      },
      () => {
        clearTimeout(timer);
        resolve('failed');
      },
    );
  });
}
