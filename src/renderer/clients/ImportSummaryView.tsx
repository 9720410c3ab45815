import { useState } from 'react';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { InlineError } from '../ui/StatusStates';
import type { ImportSummary } from './import-selection';

type BackupState = { state: 'kept' } | { state: 'deleting' } | { state: 'deleted' } | { state: 'failed'; error: string };

/** What the import did: the id mapping, the secrets moved (by name), and the backups that still hold the token, with a way to delete them. */
export function ImportSummaryView({ summary, clientName }: { summary: ImportSummary; clientName: string }) {
  const api = useApi();
  const [backup, setBackup] = useState<BackupState>({ state: 'kept' });

  const withSecrets = summary.backupsWithSecrets;
  const toDrop = [...new Set([...(summary.backupPath === null ? [] : [summary.backupPath]), ...withSecrets])];
  const older = withSecrets.filter((path) => path !== summary.backupPath);

  const dropBackups = async () => {
    setBackup({ state: 'deleting' });
    try {
      for (const path of toDrop) await api.call('clients.dropBackup', { path });
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
      {toDrop.length > 0 && backup.state !== 'deleted' ? (
        <div className={withSecrets.length > 0 ? 'callout callout-warning' : 'callout'} role="note" data-testid="import-backup">
          {summary.backupPath !== null ? (
            <>
              The previous version of the file is kept at <code>{summary.backupPath}</code>
              {summary.backupHoldsSecrets ? ' (readable only by you). It still holds the plaintext token.' : '.'}{' '}
            </>
          ) : null}
          {older.length > 0 ? (
            <span data-testid="import-older-backups">
              Older backups still hold the token:{' '}
              {older.map((path) => (
                <code key={path}>{path} </code>
              ))}
            </span>
          ) : null}
          <button type="button" className="btn btn-small" disabled={backup.state === 'deleting'} onClick={() => void dropBackups()} data-testid="import-drop-backup">
            {toDrop.length > 1 ? `Delete these ${toDrop.length} backups` : 'Delete this backup'}
          </button>
          {backup.state === 'failed' ? <InlineError message={backup.error} /> : null}
        </div>
      ) : null}
      {backup.state === 'deleted' ? (
        <p role="status" data-testid="import-backup-deleted">
          {toDrop.length > 1 ? 'The backups were deleted.' : 'The backup was deleted.'}
        </p>
      ) : null}
    </div>
  );
}
