import { useEffect, useState } from 'react';
import type { RegistryEntry, RegistrySource, RegistrySummary } from '../../shared/registry-contract';
import { useApi } from '../app/api-context';
import { useAction } from '../hooks/use-action';
import { useNow } from '../hooks/use-now';
import { useServersActions } from '../servers/servers-context';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/NoticesProvider';
import { InlineError } from '../ui/StatusStates';
import { RegistryEntryView } from './RegistryEntryView';
import { RegistryResults } from './RegistryResults';
import { defaultPackageIndex, offlineText } from './registry-words';

interface AddFromRegistryDialogProps {
  open: boolean;
  onClose: () => void;
}

interface SearchState {
  text: string;
  results: RegistrySummary[];
  nextCursor: string | null;
  source: RegistrySource | null;
}

const NO_SEARCH: SearchState = { text: '', results: [], nextCursor: null, source: null };

/** Search the MCP Registry, look at an entry and what it would run, and add one of its packages as a custom server. */
export function AddFromRegistryDialog({ open, onClose }: AddFromRegistryDialogProps) {
  const api = useApi();
  const notify = useNotify();
  const now = useNow();
  const { applySummary } = useServersActions();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<SearchState>(NO_SEARCH);
  const [entry, setEntry] = useState<{ entry: RegistryEntry; source: RegistrySource } | null>(null);
  const [packageIndex, setPackageIndex] = useState(0);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [env, setEnv] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!open) return;
    setText('');
    setSearch(NO_SEARCH);
    setEntry(null);
  }, [open]);

  const find = useAction(async (query: string, cursor: string | null) => {
    const page = await api.call('registry.search', { text: query, ...(cursor ? { cursor } : {}) });
    setSearch((previous) => ({ text: query, results: cursor ? [...previous.results, ...page.results] : page.results, nextCursor: page.nextCursor, source: page.source }));
  });

  const openEntry = useAction(async (name: string) => {
    const shown = await api.call('registry.show', { name });
    setEntry(shown);
    setPackageIndex(defaultPackageIndex(shown.entry.packages));
    setSecrets({});
    setEnv({});
  });

  const add = useAction(async () => {
    if (!entry) return;
    // Only what was typed: an empty field leaves the variable to its default.
    const typedEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
    const typedSecrets = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== ''));
    const added = await api.call('registry.add', { name: entry.entry.name, version: entry.entry.version, packageIndex, secrets: typedSecrets, env: typedEnv });
    setSecrets({});
    applySummary(added.server);
    notify({ kind: 'success', message: `Added ${added.server.name} as "${added.server.id}".` });
    onClose();
  });

  const plan = entry?.entry.packages.find((candidate) => candidate.index === packageIndex);
  const source = entry?.source ?? search.source;
  const offline = source ? offlineText(source, now) : null;
  const busy = add.pending;

  return (
    <Modal
      open={open}
      title="Add from the MCP Registry"
      onClose={onClose}
      busy={busy}
      size="large"
      testId="registry-dialog"
      footer={
        <>
          {entry ? (
            <button type="button" className="btn" onClick={() => setEntry(null)} disabled={busy} data-testid="registry-back">
              Back to results
            </button>
          ) : null}
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          {entry ? (
            <button type="button" className="btn btn-primary" disabled={busy || !plan?.installable} onClick={() => void add.run()} data-testid="registry-add">
              {busy ? 'Adding…' : 'Add server'}
            </button>
          ) : null}
        </>
      }
    >
      {offline ? (
        <p className="callout callout-warning" data-testid="registry-offline">
          {offline}
        </p>
      ) : null}
      {entry ? (
        <>
          <RegistryEntryView
            entry={entry.entry}
            packageIndex={packageIndex}
            onPackage={setPackageIndex}
            secrets={secrets}
            env={env}
            onSecret={(name, value) => setSecrets((previous) => ({ ...previous, [name]: value }))}
            onEnv={(name, value) => setEnv((previous) => ({ ...previous, [name]: value }))}
          />
          <InlineError message={add.error?.message} />
        </>
      ) : (
        <>
          <form
            className="registry-search"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              void find.run(text.trim(), null);
            }}
          >
            <input
              className="input"
              type="search"
              aria-label="Search the registry by name"
              placeholder="Search by name, e.g. filesystem"
              value={text}
              onChange={(event) => setText(event.target.value)}
              data-autofocus
              data-testid="registry-search-input"
            />
            <button type="submit" className="btn btn-primary" disabled={find.pending} data-testid="registry-search">
              {find.pending && search.results.length === 0 ? 'Searching…' : 'Search'}
            </button>
          </form>
          <InlineError message={find.error?.message ?? openEntry.error?.message} />
          {search.source && search.results.length === 0 ? <p className="muted">No server in the registry matches “{search.text}”.</p> : null}
          <RegistryResults results={search.results} onOpen={(name) => void openEntry.run(name)} />
          {search.nextCursor ? (
            <button type="button" className="btn" disabled={find.pending} onClick={() => void find.run(search.text, search.nextCursor)} data-testid="registry-more">
              {find.pending ? 'Loading…' : 'Show more'}
            </button>
          ) : null}
        </>
      )}
    </Modal>
  );
}
