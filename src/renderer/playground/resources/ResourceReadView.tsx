import { formatLatency } from '../../ui/format';
import { LoadingRows } from '../../ui/StatusStates';
import { ResourceContentsView } from '../results/ResourceContentsView';
import type { ResourceReadState } from './use-resource-read';

/** What reading a resource gave: its contents, each by MIME type, or the error. */
export function ResourceReadView({ state }: { state: ResourceReadState }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'reading':
      return <LoadingRows label={`Reading ${state.uri}`} rows={2} />;
    case 'error':
      return (
        <div className="pg-result pg-result-failed" data-testid="resource-result" data-outcome="failed">
          <div className="pg-result-error" role="alert">
            <strong>Could not read {state.uri}.</strong> {state.message}
          </div>
        </div>
      );
    case 'read':
      return (
        <section className="pg-result pg-result-ok" data-testid="resource-result" data-outcome="ok">
          <header className="pg-result-header">
            <h3>
              {state.contents.length} item{state.contents.length === 1 ? '' : 's'}
            </h3>
            <span className="pg-duration numeric">{formatLatency(state.durationMs)}</span>
          </header>
          {state.contents.length === 0 ? <p className="muted">The resource is empty.</p> : null}
          {state.contents.map((contents, index) => (
            <ResourceContentsView key={`${contents.uri}:${index}`} contents={contents} kind={'text' in contents ? 'text' : 'blob'} />
          ))}
        </section>
      );
  }
}
