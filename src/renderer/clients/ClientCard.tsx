import type { ClientStatus, RegistrationState, ServerSummary } from '../../shared/contract';
import type { PlannedClientChange } from './client-change';

const STATE_TEXT: Record<RegistrationState, string> = {
  registered: 'Added',
  'not registered': 'Not added',
  outdated: 'Out of date',
  conflict: 'Name taken',
};

const STATE_CLASS: Record<RegistrationState, string> = {
  registered: 'pill-success',
  'not registered': 'pill-muted',
  outdated: 'pill-warning',
  conflict: 'pill-danger',
};

interface ClientCardProps {
  client: ClientStatus;
  servers: readonly ServerSummary[];
  onPlan: (change: PlannedClientChange) => void;
  onImport: () => void;
}

/**
 * One MCP client and where each of our servers stands in its config file. A file that cannot be
 * read gets no write buttons at all: the problem is shown, and the file is left for the user to fix.
 */
export function ClientCard({ client, servers, onPlan, onImport }: ClientCardProps) {
  const stateOf = (serverId: string): RegistrationState => client.servers.find((entry) => entry.serverId === serverId)?.state ?? 'not registered';
  const canWrite = client.error === null && client.configPath !== null;
  const anyAdded = servers.some((server) => stateOf(server.id) !== 'not registered' && stateOf(server.id) !== 'conflict');
  const needsRepair = servers.some((server) => stateOf(server.id) === 'outdated');
  const plan = (change: Omit<PlannedClientChange, 'clientId' | 'clientName'>) => onPlan({ clientId: client.id, clientName: client.name, ...change });

  return (
    <section className="card client-card" aria-labelledby={`client-${client.id}-name`} data-testid={`client-card-${client.id}`}>
      <header className="card-header client-header">
        <h2 id={`client-${client.id}-name`}>{client.name}</h2>
        <span className={client.detected ? 'pill pill-success' : 'pill pill-muted'} data-testid={`client-detected-${client.id}`}>
          {client.detected ? 'Detected' : 'Not detected'}
        </span>
        <span className="spacer" />
        {canWrite ? (
          <div className="button-group">
            {client.configExists ? (
              <button type="button" className="btn btn-small" onClick={onImport} data-testid={`client-import-${client.id}`}>
                Import
              </button>
            ) : null}
            {needsRepair ? (
              <button type="button" className="btn btn-small" onClick={() => plan({ action: 'repair', title: `Repair MCP Tray's entries in ${client.name}` })} data-testid={`client-repair-${client.id}`}>
                Repair
              </button>
            ) : null}
            {anyAdded ? (
              <button type="button" className="btn btn-small" onClick={() => plan({ action: 'unregister', title: `Remove all MCP Tray servers from ${client.name}` })} data-testid={`client-remove-all-${client.id}`}>
                Remove all
              </button>
            ) : null}
            <button type="button" className={client.detected ? 'btn btn-small btn-primary' : 'btn btn-small'} onClick={() => plan({ action: 'register', title: `Add the enabled servers to ${client.name}` })} data-testid={`client-add-all-${client.id}`}>
              Add enabled servers
            </button>
          </div>
        ) : null}
      </header>
      <p className="client-path">
        {client.configPath ? <code title={client.configPath}>{client.configPath}</code> : <span className="muted">No config file location on this system.</span>}
      </p>
      {client.error ? (
        <div className="callout callout-danger" role="alert" data-testid={`client-error-${client.id}`}>
          <strong>The config file cannot be read, so MCP Tray will not change it.</strong>
          <div className="client-error-text">{client.error}</div>
          Fix or move the file, then reload this page.
        </div>
      ) : null}
      <ul className="client-servers">
        {servers.map((server) => {
          const state = stateOf(server.id);
          return (
            <li key={server.id} className="client-server" data-testid={`client-server-${client.id}-${server.id}`}>
              <span className="client-server-name">{server.name}</span>
              <span className={`pill ${STATE_CLASS[state]}`} data-testid={`client-state-${client.id}-${server.id}`} data-state={state}>
                {STATE_TEXT[state]}
              </span>
              <span className="spacer" />
              {canWrite ? (
                state === 'not registered' ? (
                  <button type="button" className="btn btn-small" onClick={() => plan({ action: 'register', serverIds: [server.id], title: `Add ${server.name} to ${client.name}` })} data-testid={`client-add-${client.id}-${server.id}`}>
                    Add
                  </button>
                ) : state === 'conflict' ? (
                  <button
                    type="button"
                    className="btn btn-small"
                    title="Another entry already uses this name; add ours under a free one"
                    onClick={() => plan({ action: 'register', serverIds: [server.id], renameOnConflict: true, title: `Add ${server.name} to ${client.name} under another name` })}
                    data-testid={`client-add-${client.id}-${server.id}`}
                  >
                    Add as…
                  </button>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => plan({ action: 'unregister', serverIds: [server.id], title: `Remove ${server.name} from ${client.name}` })} data-testid={`client-remove-${client.id}-${server.id}`}>
                    Remove
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
