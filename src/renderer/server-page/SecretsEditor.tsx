import type { SecretStatus, ServerSummary } from '../../shared/contract';
import { useQuery } from '../hooks/use-query';
import { EmptyState, ErrorState, LoadingRows } from '../ui/StatusStates';
import { SecretRow } from './SecretRow';

/** The server's declared secrets, each shown only as set or not set. */
export function SecretsEditor({ server }: { server: ServerSummary }) {
  const query = useQuery('secrets.list', { serverId: server.id }, `${server.id}:${server.secretEnv.join(',')}`);
  const { state } = query;
  const secrets = state.data?.secrets;

  const replaceStatus = (current: readonly SecretStatus[], status: SecretStatus) =>
    query.setData({ ...state.data, secrets: current.map((candidate) => (candidate.name === status.name ? status : candidate)) });

  let body;
  if (server.secretEnv.length === 0) {
    body = (
      <EmptyState title="This server declares no secrets">
        {server.kind === 'custom' ? 'Add secret names (e.g. API_KEY) by editing the server.' : 'It needs no key or token.'}
      </EmptyState>
    );
  } else if (state.status === 'error' && !secrets) {
    body = (
      <ErrorState title="Could not read the keychain" action={<button type="button" className="btn" onClick={query.reload}>Try again</button>}>
        {state.error}
      </ErrorState>
    );
  } else if (!secrets) {
    body = <LoadingRows label="Loading secrets" rows={server.secretEnv.length} height={32} />;
  } else {
    body = (
      <ul className="stacked-list secret-list">
        {secrets.map((secret) => (
          <SecretRow key={secret.name} serverName={server.name} secret={secret} onChanged={(status) => replaceStatus(secrets, status)} keychainService={state.data?.keychainService} />
        ))}
      </ul>
    );
  }

  return (
    <section className="card" aria-labelledby="secrets-heading" data-testid="secrets-editor">
      <header className="card-header">
        <h2 id="secrets-heading">Secrets</h2>
        <span className="muted">Stored in the system keychain; never shown, written to files or sent to clients.</span>
      </header>
      {body}
    </section>
  );
}
