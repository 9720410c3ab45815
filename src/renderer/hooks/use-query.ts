import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';

type QueryState<T> =
  | { status: 'loading'; data: T | undefined; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | undefined; error: string };

interface Query<M extends MethodName> {
  state: QueryState<MethodResult<M>>;
  /** Fetches again, keeping the current data on screen meanwhile (no flash of "loading"). */
  reload: () => void;
  /** Replaces the data with what an action returned. */
  setData: (data: MethodResult<M>) => void;
}

/** One contract read, with loading and error states; `key` re-runs it when its input changes. */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M>, key: string): Query<M> {
  const api = useApi();
  const [state, setState] = useState<QueryState<MethodResult<M>>>({ status: 'loading', data: undefined, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ status: 'loading', data: previous.data, error: null }));
    api.call(method, input).then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data, error: null });
      },
      (failure: unknown) => {
        if (!cancelled) setState((previous) => ({ status: 'error', data: previous.data, error: messageOf(failure) }));
      },
    );
    return () => {
      cancelled = true;
    };
    // `input` is described by `key`; listing it would re-run on every render's new object.
  }, [api, method, key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const setData = useCallback((data: MethodResult<M>) => setState({ status: 'ready', data, error: null }), []);
  return { state, reload, setData };
}
