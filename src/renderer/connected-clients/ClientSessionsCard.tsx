import type { ServerSummary } from '../../shared/contract';
import { useNow } from '../hooks/use-now';
import { formatClockTime, formatRelative } from '../ui/format';
import { ErrorState, LoadingRows } from '../ui/StatusStates';
import { sessionRows } from './session-rows';
import { useClientSessions } from './use-client-sessions';

/** The clients connected to this server right now: name, since when, how many calls, and their own process. */
export function ClientSessionsCard({ server }: { server: ServerSummary }) {
  const { state, reload } = useClientSessions(server.id);
  const now = useNow();
  let body;
  if (state.data === undefined) {
    body =
      state.status === 'error' ? (
        <ErrorState title="Could not list the connected clients" action={<button type="button" className="btn" onClick={reload}>Try again</button>}>
          {state.error}
        </ErrorState>
      ) : (
        <LoadingRows label="Loading the connected clients" rows={2} />
      );
  } else if (state.data.sessions.length === 0) {
    body = (
      <p className="muted" data-testid="client-sessions-empty">
        No client is connected. A client connects when it starts this server through the entry MCP Tray added to its config, while MCP Tray runs.
      </p>
    );
  } else {
    const rows = sessionRows(state.data.sessions, server.sharing);
    body = (
      <table className="simple-table" data-testid="client-sessions">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Connected</th>
            <th scope="col" className="numeric">Calls</th>
            {server.sharing === 'per-session' ? <th scope="col" className="numeric">Process</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sessionId} data-testid="client-session" data-client={row.client}>
              <td>
                <strong>{row.client}</strong>
                {row.detail ? <span className="muted"> · {row.detail}</span> : null}
              </td>
              <td title={row.since}>
                {formatRelative(row.since, now)} <span className="muted">({formatClockTime(row.since).slice(0, 8)})</span>
              </td>
              <td className="numeric" data-testid="client-session-calls">{row.calls}</td>
              {server.sharing === 'per-session' ? <td className="numeric">{row.ownPid === null ? '–' : `pid ${row.ownPid}`}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <section className="card" aria-labelledby="client-sessions-heading">
      <header className="card-header">
        <h2 id="client-sessions-heading">Connected clients</h2>
        <span className="muted">Assistants using this server through MCP Tray. Their calls are in the Logs tab.</span>
      </header>
      {body}
    </section>
  );
}
