/**
 * Runs a task at most once per quiet period, however many times it is asked for: health events
 * arrive in bursts (every server, every ping), and rebuilding the tray menu for each is wasted work.
 */
interface DebouncedTask {
  /** Asks for a run `waitMs` after the last request. */
  request(): void;
  /** Forgets a pending run. */
  cancel(): void;
}

export function debounce(task: () => void, waitMs: number): DebouncedTask {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    request() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        task();
      }, waitMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
