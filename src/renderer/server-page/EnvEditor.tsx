import { useEffect, useRef, useState } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { useServersActions } from '../servers/servers-context';
import { useAction } from '../hooks/use-action';
import { Icon } from '../ui/Icon';
import { useNotify } from '../ui/NoticesProvider';
import { InlineError } from '../ui/StatusStates';
import { envPatch, rowsFromEnv, type EnvRow } from './env-rows';

/**
 * The server's plain (non-secret) environment as editable rows. Saved with servers.setEnv, which
 * restarts a running server so the change takes effect.
 */
export function EnvEditor({ server }: { server: ServerSummary }) {
  const api = useApi();
  const notify = useNotify();
  const { applySummary } = useServersActions();
  const nextKey = useRef(1_000);
  const [rows, setRows] = useState<EnvRow[]>(() => rowsFromEnv(server.env));
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [dirty, setDirty] = useState(false);
  const envKey = JSON.stringify(server.env);

  // Follow changes made elsewhere (CLI, another window) unless the user is mid-edit here.
  useEffect(() => {
    if (!dirty) setRows(rowsFromEnv(JSON.parse(envKey) as Record<string, string>));
  }, [envKey, dirty]);

  const update = (next: EnvRow[]) => {
    setRows(next);
    setDirty(true);
    setRowErrors({});
  };

  const save = useAction(async () => {
    const result = envPatch(server.env, rows, server.secretEnv);
    if (!result.ok) {
      setRowErrors(result.rowErrors);
      return;
    }
    if (!result.changed) {
      setDirty(false);
      return;
    }
    const summary = await api.call('servers.setEnv', { id: server.id, env: result.patch });
    applySummary(summary);
    setDirty(false);
    notify({ kind: 'success', message: `Saved the environment of ${server.name}. It restarts to apply it if it is running.` });
  });

  return (
    <section className="card" aria-labelledby="env-heading" data-testid="env-editor">
      <header className="card-header">
        <h2 id="env-heading">Environment</h2>
        <span className="muted">Plain settings such as URLs and flags. Tokens belong under Secrets.</span>
      </header>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        {rows.length === 0 ? <p className="muted env-empty">No variables set.</p> : null}
        <ul className="stacked-list env-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="env-row">
              <input
                className="input input-mono"
                aria-label={`Variable ${index + 1} name`}
                aria-invalid={rowErrors[row.key] !== undefined}
                placeholder="NAME"
                spellCheck={false}
                autoComplete="off"
                value={row.name}
                onChange={(event) => update(rows.map((candidate) => (candidate.key === row.key ? { ...candidate, name: event.target.value } : candidate)))}
                data-testid={`env-name-${index}`}
              />
              <span className="env-equals" aria-hidden="true">
                =
              </span>
              <input
                className="input input-mono"
                aria-label={`Variable ${index + 1} value`}
                placeholder="value"
                spellCheck={false}
                autoComplete="off"
                value={row.value}
                onChange={(event) => update(rows.map((candidate) => (candidate.key === row.key ? { ...candidate, value: event.target.value } : candidate)))}
                data-testid={`env-value-${index}`}
              />
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove ${row.name || `variable ${index + 1}`}`} onClick={() => update(rows.filter((candidate) => candidate.key !== row.key))}>
                <Icon name="close" size={14} />
              </button>
              {rowErrors[row.key] ? <p className="field-error env-row-error" role="alert">{rowErrors[row.key]}</p> : null}
            </li>
          ))}
        </ul>
        <div className="card-actions">
          <button type="button" className="btn" onClick={() => update([...rows, { key: nextKey.current++, name: '', value: '' }])} data-testid="env-add">
            <Icon name="plus" size={14} />
            Add variable
          </button>
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            disabled={!dirty || save.pending}
            onClick={() => {
              setRows(rowsFromEnv(server.env));
              setRowErrors({});
              setDirty(false);
            }}
          >
            Revert
          </button>
          <button type="submit" className="btn btn-primary" disabled={!dirty || save.pending} data-testid="env-save">
            {save.pending ? 'Saving…' : 'Save environment'}
          </button>
        </div>
        <InlineError message={save.error?.message} />
      </form>
    </section>
  );
}
