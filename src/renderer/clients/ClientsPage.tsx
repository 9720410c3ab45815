import { useState } from 'react';
import { useServers } from '../servers/servers-context';
import { useQuery } from '../hooks/use-query';
import { EmptyState, ErrorState, LoadingRows } from '../ui/StatusStates';
import type { PlannedClientChange } from './client-change';
import { ClientCard } from './ClientCard';
import { ClientChangeModal } from './ClientChangeModal';
import { ImportModal, type ImportTarget } from './ImportModal';
import { vsCodeFormats } from './vscode-formats';
import { VsCodeFormatsNotice } from './VsCodeFormatsNotice';

/** Which MCP clients know about our servers, and the buttons to change that, each previewed first. */
export function ClientsPage() {
  const query = useQuery('clients.list', {}, 'clients');
  const { snapshot } = useServers();
  const [change, setChange] = useState<PlannedClientChange | null>(null);
  const [importing, setImporting] = useState<ImportTarget | null>(null);
  const { state } = query;
  const clients = state.data ?? [];
  // Detected clients first: they are the ones the user can act on today.
  const ordered = [...clients].sort((a, b) => Number(b.detected) - Number(a.detected));
  const formats = vsCodeFormats(clients);

  return (
    <section className="page" aria-labelledby="clients-heading">
      <header className="page-header">
        <div>
          <h1 id="clients-heading">Clients</h1>
          <p className="page-subtitle">Add MCP Tray's servers to the apps that use MCP. Every change is shown as a diff before it is written.</p>
        </div>
        <button type="button" className="btn" onClick={query.reload} disabled={state.status === 'loading'} data-testid="clients-reload">
          Reload
        </button>
      </header>

      {state.status === 'error' ? (
        <ErrorState title="Could not read the clients' config files" action={<button type="button" className="btn" onClick={query.reload}>Try again</button>} testId="clients-error">
          {state.error}
        </ErrorState>
      ) : null}
      {state.status === 'loading' && !state.data ? <LoadingRows label="Looking for MCP clients" rows={3} height={120} /> : null}
      {state.status === 'ready' && clients.length === 0 ? <EmptyState title="No MCP clients are known">This build knows of no client apps.</EmptyState> : null}

      {formats ? <VsCodeFormatsNotice formats={formats} onPlan={setChange} /> : null}

      <div className="client-list" data-testid="client-list">
        {ordered.map((client) => (
          <ClientCard key={client.id} client={client} servers={snapshot.servers} onPlan={setChange} onImport={() => setImporting({ clientId: client.id, clientName: client.name })} />
        ))}
      </div>

      <ClientChangeModal change={change} onClose={() => setChange(null)} onWritten={query.reload} />
      <ImportModal target={importing} onClose={() => setImporting(null)} onImported={query.reload} />
    </section>
  );
}
