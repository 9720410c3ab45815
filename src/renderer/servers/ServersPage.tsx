import { useState } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { useServers } from './servers-context';
import { useNow } from '../hooks/use-now';
import { useSecretStatuses } from './use-secret-statuses';
import { useServerActions } from './use-server-actions';
import { useShortcut } from '../hooks/use-shortcut';
import { Icon } from '../ui/Icon';
import { EmptyState, ErrorState, LoadingRows } from '../ui/StatusStates';
import { AddFromRegistryDialog } from '../registry/AddFromRegistryDialog';
import { ServerFormModal } from './ServerFormModal';
import { ServerRow } from './ServerRow';
import { ServersSummary } from './ServersSummary';

type FormState = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; server: ServerSummary };

export function ServersPage() {
  const { snapshot, reload } = useServers();
  const actions = useServerActions();
  const now = useNow();
  const secrets = useSecretStatuses(snapshot.servers);
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const [registryOpen, setRegistryOpen] = useState(false);
  const { servers } = snapshot;
  useShortcut('n', () => setForm({ mode: 'add' }), form.mode === 'closed' && !registryOpen);

  return (
    <section className="page" aria-labelledby="servers-heading">
      <header className="page-header">
        <div>
          <h1 id="servers-heading">Servers</h1>
          <ServersSummary servers={servers} />
        </div>
        <div className="button-group">
          <button type="button" className="btn" onClick={() => setRegistryOpen(true)} data-testid="add-from-registry">
            Add from registry
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setForm({ mode: 'add' })} data-testid="add-server" aria-keyshortcuts="N" title="Add a custom server (N)">
            <Icon name="plus" size={14} />
            Add server
          </button>
        </div>
      </header>

      {snapshot.status === 'error' ? (
        <ErrorState
          title="Could not load the servers"
          action={
            <button type="button" className="btn" onClick={() => void reload()}>
              Try again
            </button>
          }
          testId="servers-error"
        >
          {snapshot.error}
        </ErrorState>
      ) : null}

      <div className="server-table" role="table" aria-label="Servers" data-testid="server-list" aria-busy={snapshot.status === 'loading'}>
        <div className="server-row server-row-header" role="row">
          <div role="columnheader">Server</div>
          <div role="columnheader">State</div>
          <div role="columnheader" className="numeric">Ping</div>
          <div role="columnheader" className="numeric">Uptime</div>
          <div role="columnheader" className="numeric" title="Automatic restarts after a crash or a hang">Restarts</div>
          <div role="columnheader" className="numeric">Memory</div>
          <div role="columnheader" title="Enabled: may run at all">Enabled</div>
          <div role="columnheader" title="Autostart: starts with MCP Tray">Autostart</div>
          <div role="columnheader" className="visually-hidden">Actions</div>
        </div>
        {snapshot.status === 'loading' && servers.length === 0 ? <LoadingRows label="Loading servers" rows={2} height={52} /> : null}
        {servers.map((server) => (
          <ServerRow
            key={server.id}
            server={server}
            actions={actions}
            now={now}
            onEdit={(target) => setForm({ mode: 'edit', server: target })}
            missingSecrets={secrets.missing.get(server.id) ?? []}
          />
        ))}
      </div>

      {snapshot.status === 'ready' && !servers.some((server) => server.kind === 'custom') ? (
        <EmptyState
          title="No custom servers yet"
          action={
            <button type="button" className="btn" onClick={() => setForm({ mode: 'add' })}>
              <Icon name="plus" size={14} />
              Add a custom server
            </button>
          }
          testId="custom-servers-empty"
        >
          Any MCP server that speaks stdio can run here, for example <code>npx -y @modelcontextprotocol/server-memory</code>.
        </EmptyState>
      ) : null}

      <ServerFormModal
        open={form.mode !== 'closed'}
        editing={form.mode === 'edit' ? form.server : null}
        existingIds={servers.map((server) => server.id)}
        onClose={() => setForm({ mode: 'closed' })}
      />
      <AddFromRegistryDialog open={registryOpen} onClose={() => setRegistryOpen(false)} />
    </section>
  );
}
