import { useEffect } from 'react';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useQuery } from '../hooks/use-query';
import { useNotify } from '../ui/NoticesProvider';
import { ErrorState, InlineError, LoadingRows } from '../ui/StatusStates';
import { useHeldToolsStore } from './held-tools-context';
import { describeChanges } from './tool-change-text';
import { ToolChangeCard } from './ToolChangeCard';

/** A server's tool definitions against the approved ones: the diff per tool, and approving all or one. */
export function ToolChangesTab({ serverId }: { serverId: string }) {
  const api = useApi();
  const notify = useNotify();
  const heldStore = useHeldToolsStore();
  const { state, reload, setData } = useQuery('tools.changes', { serverId }, serverId);

  // A change arriving while the tab is open (a server update, a description swapped) shows at once.
  useEffect(() => api.on('tools.held', (event) => {
    if (event.serverId === serverId) reload();
  }), [api, serverId, reload]);

  const approve = useAction(async (tools?: string[]) => {
    const changes = await api.call('tools.approve', tools === undefined ? { serverId } : { serverId, tools });
    setData(changes);
    heldStore.apply(changes);
    notify({ kind: 'success', message: tools === undefined ? 'Approved every changed tool; clients see them now.' : `Approved ${tools.join(', ')}; clients see it now.` });
  });

  if (state.data === undefined) {
    if (state.status === 'error') {
      return (
        <ErrorState title="Could not read the tool changes" action={<button type="button" className="btn" onClick={reload}>Try again</button>}>
          {state.error}
        </ErrorState>
      );
    }
    return <LoadingRows label="Loading the tool changes" rows={2} />;
  }

  const changes = state.data;
  const held = new Set(changes.held);
  return (
    <div className="settings-stack" data-testid="tool-changes">
      <section className="card" aria-labelledby="tool-changes-heading">
        <header className="card-header">
          <h2 id="tool-changes-heading">Tool changes</h2>
          <span className="spacer" />
          {changes.changes.length > 0 ? (
            <button type="button" className="btn btn-primary" disabled={approve.pending} onClick={() => void approve.run()} data-testid="tool-changes-approve-all">
              {approve.pending ? 'Approving…' : 'Approve all'}
            </button>
          ) : null}
        </header>
        <p className="muted" data-testid="tool-changes-summary">
          {describeChanges(changes)}
          {changes.approvedAt ? ` Last approved ${new Date(changes.approvedAt).toLocaleString()}.` : ''}
        </p>
        <InlineError message={approve.error?.message} />
      </section>
      {changes.changes.length > 0 ? (
        <ul className="stacked-list roomy tool-change-list">
          {changes.changes.map((change) => (
            <ToolChangeCard key={change.tool} change={change} held={held.has(change.tool)} approving={approve.pending} onApprove={(tool) => void approve.run([tool])} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
