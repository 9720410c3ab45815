import { useEffect, useState } from 'react';
import type { ClientId } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { Modal } from '../ui/Modal';
import { InlineError, LoadingRows } from '../ui/StatusStates';
import { DiffView } from './DiffView';
import { importInput, suggestedSelection, withEntry, withSecret, type ImportPlan, type ImportSelection, type ImportSummary } from './import-selection';
import { ImportPlanView } from './ImportPlanView';
import { ImportSummaryView } from './ImportSummaryView';

export interface ImportTarget {
  clientId: ClientId;
  clientName: string;
}

type Step =
  | { step: 'planning' }
  | { step: 'plan-failed'; error: string }
  | { step: 'choosing'; plan: ImportPlan; error?: string }
  | { step: 'reviewing'; plan: ImportPlan }
  | { step: 'review'; plan: ImportPlan; preview: ImportSummary; error?: string }
  | { step: 'importing'; plan: ImportPlan; preview: ImportSummary }
  | { step: 'done'; summary: ImportSummary };

interface ImportModalProps {
  target: ImportTarget | null;
  onClose: () => void;
  /** Called after an import, so the page can re-read the clients. */
  onImported: () => void;
}

/** Import a client's servers: the plan with its choices, the diff before anything is written, then the summary. */
export function ImportModal({ target, onClose, onImported }: ImportModalProps) {
  const api = useApi();
  const [state, setState] = useState<Step>({ step: 'planning' });
  const [selection, setSelection] = useState<ImportSelection>({ entries: new Map(), rewrite: true });
  const [includeProjects, setIncludeProjects] = useState(false);

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    setState({ step: 'planning' });
    api.call('clients.importPlan', { clientId: target.clientId, includeProjects }).then(
      (plan) => {
        if (cancelled) return;
        setSelection((current) => ({ ...suggestedSelection(plan), rewrite: current.rewrite }));
        setState({ step: 'choosing', plan });
      },
      (error: unknown) => !cancelled && setState({ step: 'plan-failed', error: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, target, includeProjects]);

  // The next client starts from its user entries again.
  const close = () => {
    setIncludeProjects(false);
    onClose();
  };

  const review = async (plan: ImportPlan) => {
    setState({ step: 'reviewing', plan });
    try {
      setState({ step: 'review', plan, preview: await api.call('clients.import', importInput(plan, selection, includeProjects, true)) });
    } catch (error) {
      setState({ step: 'choosing', plan, error: messageOf(error) });
    }
  };

  const confirm = async (plan: ImportPlan, preview: ImportSummary) => {
    setState({ step: 'importing', plan, preview });
    try {
      const summary = await api.call('clients.import', importInput(plan, selection, includeProjects, false));
      setState({ step: 'done', summary });
      onImported();
    } catch (error) {
      setState({ step: 'review', plan, preview, error: messageOf(error) });
    }
  };

  const busy = state.step === 'reviewing' || state.step === 'importing';
  const chosen = selection.entries.size;
  let footer;
  if (state.step === 'choosing' || state.step === 'reviewing') {
    footer = (
      <>
        <button type="button" className="btn" onClick={close} disabled={busy} data-autofocus data-testid="import-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={busy || chosen === 0} onClick={() => void review(state.plan)} data-testid="import-review">
          {busy ? 'Preparing…' : `Review the import of ${chosen} ${chosen === 1 ? 'server' : 'servers'}`}
        </button>
      </>
    );
  } else if (state.step === 'review' || state.step === 'importing') {
    footer = (
      <>
        <button type="button" className="btn" onClick={() => setState({ step: 'choosing', plan: state.plan })} disabled={busy} data-testid="import-back">
          Back
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm(state.plan, state.preview)} data-autofocus data-testid="import-confirm">
          {busy ? 'Importing…' : 'Import'}
        </button>
      </>
    );
  } else {
    footer = (
      <button type="button" className="btn btn-primary" onClick={close} data-autofocus data-testid="import-close">
        Close
      </button>
    );
  }

  return (
    <Modal open={target !== null} title={target ? `Import servers from ${target.clientName}` : ''} onClose={close} busy={busy} size="large" testId="import-modal" footer={footer}>
      {state.step === 'planning' ? <LoadingRows label="Reading the client's config" rows={4} height={18} /> : null}
      {state.step === 'plan-failed' ? <InlineError message={state.error} /> : null}
      {state.step === 'choosing' || state.step === 'reviewing' ? (
        <>
          <ImportPlanView
            plan={state.plan}
            selection={selection}
            includeProjects={includeProjects}
            onEntry={(key, included) => setSelection((current) => withEntry(current, state.plan, key, included))}
            onSecret={(key, name, moves) => setSelection((current) => withSecret(current, key, name, moves))}
            onRewrite={(rewrite) => setSelection((current) => ({ ...current, rewrite }))}
            onIncludeProjects={setIncludeProjects}
          />
          {state.step === 'choosing' && state.error ? <InlineError message={state.error} /> : null}
        </>
      ) : null}
      {state.step === 'review' || state.step === 'importing' ? (
        <div data-testid="import-review-step">
          <p>
            {state.preview.added.length} {state.preview.added.length === 1 ? 'server' : 'servers'} will be added:{' '}
            {state.preview.added.map((server) => server.serverId).join(', ')}.{' '}
            {state.preview.added.some((server) => server.secrets.length > 0)
              ? `Moved to the keychain: ${state.preview.added.flatMap((server) => server.secrets.map((name) => `${server.serverId}/${name}`)).join(', ')}.`
              : 'No secret moves to the keychain.'}
          </p>
          {selection.rewrite ? (
            <>
              <p className="muted">
                This is what will be written to <code>{state.preview.configPath}</code>. A backup is made first; other entries are left as they are.
              </p>
              <DiffView diff={state.preview.diff} />
            </>
          ) : (
            <p className="muted">
              <code>{state.preview.configPath}</code> is not changed: the client keeps starting its own copies.
            </p>
          )}
          {state.step === 'review' && state.error ? <InlineError message={state.error} /> : null}
        </div>
      ) : null}
      {state.step === 'done' ? <ImportSummaryView summary={state.summary} clientName={target?.clientName ?? ''} /> : null}
    </Modal>
  );
}
