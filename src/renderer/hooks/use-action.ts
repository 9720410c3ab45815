import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../../shared/error-message';
import { ApiError } from '../api/api-client';

interface ActionFailure {
  code: string;
  message: string;
}

interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ActionFailure | null;
  clearError: () => void;
}

/**
 * A user action that calls the manager: tracks that it is running (to disable its button and
 * avoid double submits) and keeps its failure to show next to it. Resolves to undefined on failure.
 */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionFailure | null>(null);
  const running = useRef(false);
  const performRef = useRef(perform);
  performRef.current = perform;

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      return await performRef.current(...args);
    } catch (failure) {
      setError({ code: failure instanceof ApiError ? failure.code : 'failed', message: messageOf(failure) });
      return undefined;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
