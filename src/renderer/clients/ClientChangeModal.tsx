import { useEffect, useState } from 'react';
import type { ClientChangeResult } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { useApi } from '../app/api-context';
import { Modal } from '../ui/Modal';
import { InlineError, LoadingRows } from '../ui/StatusStates';
import { applyChange, previewChange, type PlannedClientChange } from './client-change';
import { DiffView } from './DiffView';

type Step =
  | { step: 'previewing' }
  | { step: 'preview'; preview: ClientChangeResult }
  | { step: 'preview-failed'; error: string }
  | { step: 'writing'; preview: ClientChangeResult }
  | { step: 'write-failed'; preview: ClientChangeResult; error: string }
  | { step: 'done'; result: ClientChangeResult };

interface ClientChangeModalProps {
  change: PlannedClientChange | null;
  onClose: () => void;
  /** Called after a write, so the page can re-read the registrations. */
  onWritten: () => void;
}

/** Preview the exact diff, then write on Confirm, then say how to make the client pick it up. */
export function ClientChangeModal({ change, onClose, onWritten }: ClientChangeModalProps) {
  const api = useApi();
  const [state, setState] = useState<Step>({ step: 'previewing' });

  useEffect(() => {
    if (!change) return;
    let cancelled = false;
    setState({ step: 'previewing' });
    previewChange(api, change).then(
      (preview) => !cancelled && setState({ step: 'preview', preview }),
      (error: unknown) => !cancelled && setState({ step: 'preview-failed', error: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, change]);

  const confirm = async (preview: ClientChangeResult) => {
    if (!change) return;
    setState({ step: 'writing', preview });
    try {
      const result = await applyChange(api, change);
      setState({ step: 'done', result });
      onWritten();
    } catch (error) {
      setState({ step: 'write-failed', preview, error: messageOf(error) });
    }
  };

  const busy = state.step === 'writing';
  const preview = state.step === 'preview' || state.step === 'writing' || state.step === 'write-failed' ? state.preview : null;
  const nothingToDo = preview !== null && !preview.changed;

  let footer;
  if (state.step === 'done' || state.step === 'preview-failed' || nothingToDo) {
    footer = (
      <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus data-testid="diff-close">
        Close
      </button>
    );
  } else {
    footer = (
      <>
        <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus data-testid="diff-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={!preview || busy} onClick={() => preview && void confirm(preview)} data-testid="diff-confirm">
          {busy ? 'Writing…' : 'Confirm and write'}
        </button>
      </>
    );
  }

  return (
    <Modal open={change !== null} title={change?.title ?? ''} onClose={onClose} busy={busy} size="large" testId="diff-modal" footer={footer}>
      {state.step === 'previewing' ? <LoadingRows label="Preparing the change" rows={4} height={18} /> : null}
      {state.step === 'preview-failed' ? <InlineError message={state.error} /> : null}
      {preview ? (
        <>
          <p className="muted">
            {nothingToDo ? 'Nothing to change: ' : 'This is what will be written to '}
            <code>{preview.configPath}</code>
            {nothingToDo ? ' already says this.' : '. A backup is made first; other entries are left as they are.'}
          </p>
          {preview.conflicts.length > 0 ? (
            <div className="callout callout-warning" role="note">
              {preview.conflicts.join(', ')} {preview.conflicts.length === 1 ? 'is' : 'are'} left alone: an entry that is not ours already uses that name.
            </div>
          ) : null}
          {nothingToDo ? null : <DiffView diff={preview.diff} />}
          {state.step === 'write-failed' ? <InlineError message={state.error} /> : null}
        </>
      ) : null}
      {state.step === 'done' ? (
        <div className="change-done" data-testid="client-change-done">
          <p>
            {state.result.changed ? 'Written to ' : 'Nothing needed writing in '}
            <code>{state.result.configPath}</code>.{state.result.backupPath ? <> The previous version is kept at <code>{state.result.backupPath}</code>.</> : null}
          </p>
          {state.result.changed ? (
            <div className="callout callout-info" role="status" data-testid="restart-hint">
              <strong>Restart {change?.clientName} to apply.</strong> {state.result.restartHint}
            </div>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
