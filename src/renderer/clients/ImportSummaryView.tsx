import { useState } from 'react';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { InlineError } from '../ui/StatusStates';
import type { ImportSummary } from './import-selection';

type BackupState = { state: 'kept' } | { state: 'deleting' } | { state: 'deleted' } | { state: 'failed'; error: string };

/** What the import did: the id mapping, the secrets moved (by name), and the backup that still holds the token, with a way to delete it. */
export function ImportSummaryView({ summary, clientName }: { summary: ImportSummary; clientName: string }) {
  const api = useApi();
  const [backup, setBackup] = useState<BackupState>({ state: 'kept' });

  const dropBackup = async (path: string) => {
    setBackup({ state: 'deleting' });
    try {
      await api.call('clients.dropBackup', { path });
      setBackup({ state: 'deleted' });
    } catch (error) {
      setBackup({ state: 'failed', error: messageOf(error) });
    }
  };

  return (
    <div className="import-summary" data-testid="import-summary">
      <ul className="import-added">
        {summary.added.map((server) => (
          <li key={server.serverId} data-testid={`import-added-${server.serverId}`}>
            {server.name} → <code>{server.serverId}</code>
            {server.secrets.length > 0 ? <> · moved to the keychain: {server.secrets.join(', ')}</> : null}
            {server.unsetSecrets.length > 0 ? <> · set {server.unsetSecrets.join(', ')} on its page</> : null}
            {server.enabled ? null : <> · disabled</>}
          </li>
        ))}
      </ul>
      {summary.rewritten ? (
        <div className="callout callout-info" role="status" data-testid="import-restart-hint">
          <strong>Restart {clientName} to apply.</strong> {summary.restartHint}
        </div>
      ) : null}
      {summary.backupPath !== null && backup.state !== 'deleted' ? (
        <div className={summary.backupHoldsSecrets ? 'callout callout-warning' : 'callout'} role="note" data-testid="import-backup">
          The previous version of the file is kept at <code>{summary.backupPath}</code>
          {summary.backupHoldsSecrets ? ' (readable only by you). It still holds the plaintext token.' : '.'}{' '}
          <button type="button" className="btn btn-small" disabled={backup.state === 'deleting'} onClick={() => void dropBackup(summary.backupPath ?? '')} data-testid="import-drop-backup">
            Delete this backup
          </button>
          {backup.state === 'failed' ? <InlineError message={backup.error} /> : null}
        </div>
      ) : null}
      {backup.state === 'deleted' ? (
        <p role="status" data-testid="import-backup-deleted">
          The backup was deleted.
        </p>
      ) : null}
    </div>
  );
}
