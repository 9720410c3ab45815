import { useEffect, useState } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useServersActions } from '../servers/servers-context';
import { useNotify } from '../ui/NoticesProvider';
import { InlineError } from '../ui/StatusStates';
import { rootsFromText, textFromRoots } from './roots-text';

/** The folders the server may work in, answered to its roots/list request; saved with servers.setRoots. */
export function RootsCard({ server }: { server: ServerSummary }) {
  const api = useApi();
  const notify = useNotify();
  const { applySummary } = useServersActions();
  const saved = textFromRoots(server.roots);
  const [text, setText] = useState(saved);
  const [dirty, setDirty] = useState(false);

  // Follow changes made elsewhere (CLI, another window) unless the user is mid-edit here.
  useEffect(() => {
    if (!dirty) setText(saved);
  }, [saved, dirty]);

  const save = useAction(async () => {
    const summary = await api.call('servers.setRoots', { id: server.id, roots: rootsFromText(text) });
    applySummary(summary);
    setDirty(false);
    notify({ kind: 'success', message: `Saved the folders of ${server.name}.` });
  });

  return (
    <section className="card" aria-labelledby="roots-heading">
      <header className="card-header">
        <h2 id="roots-heading">Folders</h2>
        <span className="muted">The folders this server may work in, given to it as its roots. One absolute path per line.</span>
      </header>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <textarea
          className="input input-mono roots-input"
          aria-label="Root folders, one per line"
          rows={Math.min(8, Math.max(3, server.roots.length + 1))}
          spellCheck={false}
          placeholder="/Users/me/projects/site"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setDirty(true);
            save.clearError();
          }}
          data-testid="roots-input"
        />
        <div className="card-actions">
          <span className="spacer" />
          <button type="button" className="btn" disabled={!dirty || save.pending} onClick={() => { setText(saved); setDirty(false); save.clearError(); }}>
            Revert
          </button>
          <button type="submit" className="btn btn-primary" disabled={!dirty || save.pending} data-testid="roots-save">
            {save.pending ? 'Saving…' : 'Save folders'}
          </button>
        </div>
        <InlineError message={save.error?.message} />
      </form>
    </section>
  );
}
