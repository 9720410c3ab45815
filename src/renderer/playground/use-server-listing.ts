import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServerState } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-client';
import { useApi } from '../app/api-context';

export type ListingState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'not-running'; message: string }
  | { status: 'error'; message: string };

type ListingKind = 'tools' | 'resources' | 'prompts';

const isUp = (state: ServerState) => state === 'running' || state === 'degraded';

/**
 * One of a server's lists (tools, resources, prompts), kept current: it reloads when the server
 * says the list changed, and when the server starts or stops, so "stopped" turns into the list
 * as soon as the server is up without anyone pressing reload.
 */
export function useServerListing<T>(
  serverId: string,
  kind: ListingKind,
  load: (api: ApiClient) => Promise<T>,
): { state: ListingState<T>; reload: () => void } {
  const api = useApi();
  const [state, setState] = useState<ListingState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    let cancelled = false;
    // A refresh of a list on screen keeps it there until the new one arrives: no flash of "loading".
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    loadRef.current(api).then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (cancelled) return;
        const notRunning = error instanceof ApiError && error.code === 'not_running';
        setState({ status: notRunning ? 'not-running' : 'error', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, serverId, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);

  useEffect(() => {
    const offList = api.on('server.listChanged', (event) => {
      if (event.serverId === serverId && event.kind === kind) reload();
    });
    const offHealth = api.on('server.health', (health) => {
      if (health.serverId !== serverId) return;
      const shown = stateRef.current.status;
      // Up: a refusal or failure on screen may now succeed. Down: the list on screen is out of date.
      if (isUp(health.state) ? shown === 'not-running' || shown === 'error' : shown === 'ready') reload();
    });
    return () => {
      offList();
      offHealth();
    };
  }, [api, serverId, kind, reload]);

  return { state, reload };
}
