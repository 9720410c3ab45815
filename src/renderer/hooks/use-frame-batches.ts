import { useCallback, useEffect, useRef, useState } from 'react';

interface FrameBatches<T> {
  /** Queues one live item; the queue keeps the newest `capacity`. */
  push(item: T): void;
  /** Drops what is queued and holds new items until `ready` (a new first query is under way). */
  reset(): void;
  /** The first query is in: queued items may be applied from now on (now, unless paused). */
  ready(): void;
  /** Items that arrived while paused, applied on resume. */
  heldBack: number;
}

/**
 * Live items (log lines, messages) applied at most once per frame, since a chatty server can send
 * thousands a second, and held back while paused so the view stays still for reading.
 */
export function useFrameBatches<T>(apply: (batch: T[]) => void, paused: boolean, capacity: number): FrameBatches<T> {
  const [heldBack, setHeldBack] = useState(0);
  const pending = useRef<T[]>([]);
  const pausedRef = useRef(paused);
  const scheduled = useRef(false);
  const loaded = useRef(false);

  const flush = useCallback(() => {
    scheduled.current = false;
    if (!loaded.current) return;
    if (pausedRef.current) {
      setHeldBack(pending.current.length);
      return;
    }
    const batch = pending.current;
    pending.current = [];
    setHeldBack(0);
    apply(batch);
  }, [apply]);

  const schedule = useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    // A hidden window gets no animation frames; the timeout keeps items flowing there too.
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      flush();
    };
    requestAnimationFrame(run);
    setTimeout(run, 250);
  }, [flush]);

  useEffect(() => {
    pausedRef.current = paused;
    if (!paused) schedule();
  }, [paused, schedule]);

  const push = useCallback(
    (item: T) => {
      pending.current.push(item);
      if (pending.current.length > capacity) pending.current.splice(0, pending.current.length - capacity);
      schedule();
    },
    [capacity, schedule],
  );
  const reset = useCallback(() => {
    loaded.current = false;
    pending.current = [];
  }, []);
  const ready = useCallback(() => {
    loaded.current = true;
    flush();
  }, [flush]);
  return { push, reset, ready, heldBack };
}
