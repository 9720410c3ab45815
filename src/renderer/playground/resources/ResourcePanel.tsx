import { useCallback, useEffect } from 'react';
import { formatClockTime } from '../../ui/format';
import type { Resource } from '../mcp-types';
import { useServerProtocol } from '../protocol/use-server-protocol';
import { ResourceReadView } from './ResourceReadView';
import { useResourceRead } from './use-resource-read';
import { useResourceSubscription } from './use-resource-subscription';

/** A fixed resource: what it is, read as soon as it is opened, readable again, and followed live when subscribed. */
export function ResourcePanel({ serverId, resource }: { serverId: string; resource: Resource }) {
  const { state, read } = useResourceRead(serverId);
  const { protocol } = useServerProtocol(serverId);
  const readAgain = useCallback(() => read(resource.uri), [read, resource.uri]);
  const subscription = useResourceSubscription(
    serverId,
    resource.uri,
    protocol?.capabilities.resources?.subscribe === true,
    protocol?.subscriptions.includes(resource.uri) ?? false,
    readAgain,
  );
  useEffect(() => readAgain(), [readAgain]);
  return (
    <section className="pg-tool-panel" data-testid="resource-panel">
      <header className="pg-tool-header">
        <div className="pg-tool-heading">
          <h2>{resource.title ?? resource.name}</h2>
          {resource.mimeType ? <span className="tag">{resource.mimeType}</span> : null}
        </div>
        <code className="pg-uri">{resource.uri}</code>
        {resource.description ? <p className="pg-tool-description">{resource.description}</p> : null}
      </header>
      <div className="pg-run-bar">
        <div className="pg-run-buttons">
          <button type="button" className="btn btn-primary" onClick={readAgain} disabled={state.status === 'reading'} data-testid="read-resource">
            {state.status === 'idle' ? 'Read' : 'Read again'}
          </button>
          {subscription.offered ? (
            <button type="button" className="btn" aria-pressed={subscription.subscribed} onClick={subscription.toggle} disabled={subscription.busy} data-testid="resource-subscribe">
              {subscription.subscribed ? 'Unsubscribe' : 'Subscribe'}
            </button>
          ) : null}
        </div>
        {subscription.subscribed ? (
          <p className="pg-subscription-note" data-testid="resource-live" aria-live="polite">
            Live: read again whenever the server says it changed.
            {subscription.updatedAt ? <span data-testid="resource-updated-at"> Updated at {formatClockTime(subscription.updatedAt)}.</span> : null}
          </p>
        ) : null}
        {subscription.error ? (
          <p className="inline-error" role="alert">
            {subscription.error}
          </p>
        ) : null}
      </div>
      <ResourceReadView state={state} />
    </section>
  );
}
