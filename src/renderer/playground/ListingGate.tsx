import type { ReactNode } from 'react';
import { ErrorState, LoadingRows } from '../ui/StatusStates';
import { ServerNotRunning } from './ServerNotRunning';
import type { ListingState } from './use-server-listing';

interface ListingGateProps<T> {
  serverId: string;
  what: string;
  state: ListingState<T>;
  reload: () => void;
  children: (data: T, reload: () => void) => ReactNode;
}

/** Loading, stopped and failed states of a server's list, each with its way forward; else the list. */
export function ListingGate<T>({ serverId, what, state, reload, children }: ListingGateProps<T>) {
  switch (state.status) {
    case 'loading':
      return <LoadingRows label={`Loading ${what}`} rows={4} />;
    case 'not-running':
      return <ServerNotRunning serverId={serverId} what={what} message={state.message} onStarted={reload} />;
    case 'error':
      return (
        <ErrorState
          title={`Could not load the ${what}`}
          testId="playground-load-error"
          action={
            <button type="button" className="btn" onClick={reload}>
              Try again
            </button>
          }
        >
          {state.message}
        </ErrorState>
      );
    case 'ready':
      return <>{children(state.data, reload)}</>;
  }
}
