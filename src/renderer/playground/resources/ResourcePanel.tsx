import { useEffect } from 'react';
import type { Resource } from '../mcp-types';
import { ResourceReadView } from './ResourceReadView';
import { useResourceRead } from './use-resource-read';

/** A fixed resource: what it is, read as soon as it is opened, and readable again. */
export function ResourcePanel({ serverId, resource }: { serverId: string; resource: Resource }) {
  const { state, read } = useResourceRead(serverId);
  useEffect(() => read(resource.uri), [read, resource.uri]);
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
          <button type="button" className="btn btn-primary" onClick={() => read(resource.uri)} disabled={state.status === 'reading'} data-testid="read-resource">
            {state.status === 'idle' ? 'Read' : 'Read again'}
          </button>
        </div>
      </div>
      <ResourceReadView state={state} />
    </section>
  );
}
