import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../../shared/error-message';
import { useApi } from '../../app/api-context';

export interface ResourceSubscription {
  /** The server declares resources.subscribe: subscribing is offered. */
  offered: boolean;
  subscribed: boolean;
  busy: boolean;
  error: string | undefined;
  /** When the server last said the resource changed, as an ISO time. */
  updatedAt: string | undefined;
  toggle: () => void;
}

/**
 * The UI's subscription to one resource: subscribe and unsubscribe through the manager, and on
 * each resources.updated for it call `onUpdated` (which re-reads it).
 */
export function useResourceSubscription(serverId: string, uri: string, offered: boolean, subscribedAlready: boolean, onUpdated: () => void): ResourceSubscription {
  const api = useApi();
  const [subscribed, setSubscribed] = useState(subscribedAlready);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [updatedAt, setUpdatedAt] = useState<string | undefined>(undefined);

  useEffect(() => setSubscribed(subscribedAlready), [subscribedAlready]);

  useEffect(
    () =>
      api.on('resources.updated', (event) => {
        if (event.serverId !== serverId || event.uri !== uri) return;
        setUpdatedAt(new Date().toISOString());
        onUpdated();
      }),
    [api, serverId, uri, onUpdated],
  );

  const toggle = useCallback(() => {
    setBusy(true);
    setError(undefined);
    const change = subscribed ? api.call('resources.unsubscribe', { serverId, uri }) : api.call('resources.subscribe', { serverId, uri });
    change.then(
      (answer) => setSubscribed(answer.subscribed),
      (failure: unknown) => setError(messageOf(failure)),
    ).finally(() => setBusy(false));
  }, [api, serverId, uri, subscribed]);

  return { offered, subscribed, busy, error, updatedAt, toggle };
}
