import { useEffect, useRef, useState } from 'react';
import type { ServerSummary } from '../../shared/contract';
import { messageOf } from '../../shared/error-message';
import { ApiError } from '../api/api-client';
import { useApi } from '../app/api-context';
import { useServersActions } from './servers-context';
import { useAction } from '../hooks/use-action';
import { useNotify } from '../ui/NoticesProvider';
import { Modal } from '../ui/Modal';
import { InlineError } from '../ui/StatusStates';
import { ServerFormFields } from './ServerFormFields';
import { EMPTY_SERVER_FORM, errorsFromServer, formValuesOf, validateServerForm, type ServerFormErrors, type ServerFormValues } from './server-form-model';

interface ServerFormModalProps {
  open: boolean;
  /** The custom server being edited, or null to add one. */
  editing: ServerSummary | null;
  existingIds: readonly string[];
  onClose: () => void;
}

/**
 * Add or edit a custom server. Checked with the contract's own schema as you type (after the first
 * submit, so an empty form does not start out red), then by the manager, whose answer (e.g. the
 * command is not on PATH) lands next to the field it is about.
 */
export function ServerFormModal({ open, editing, existingIds, onClose }: ServerFormModalProps) {
  const api = useApi();
  const notify = useNotify();
  const { applySummary } = useServersActions();
  const [values, setValues] = useState<ServerFormValues>(EMPTY_SERVER_FORM);
  const [errors, setErrors] = useState<ServerFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [idTouched, setIdTouched] = useState(false);

  // The summary object changes with every health report; only opening (or a new target) resets the form.
  const editingRef = useRef(editing);
  editingRef.current = editing;
  const editingId = editing?.id ?? null;
  useEffect(() => {
    if (!open) return;
    const target = editingRef.current;
    setValues(target ? formValuesOf(target) : EMPTY_SERVER_FORM);
    setErrors({});
    setSubmitted(false);
    setIdTouched(target !== null);
  }, [open, editingId]);

  const localErrors = (next: ServerFormValues): ServerFormErrors => {
    const result = validateServerForm(next);
    const found: ServerFormErrors = result.ok ? {} : { ...result.errors };
    if (!editing && existingIds.includes(next.id.trim())) found.id = `A server with id "${next.id.trim()}" already exists. Choose another id.`;
    return found;
  };

  const change = (next: ServerFormValues) => {
    setValues(next);
    if (submitted) setErrors(localErrors(next));
  };

  const save = useAction(async () => {
    setSubmitted(true);
    const found = localErrors(values);
    setErrors(found);
    const result = validateServerForm(values);
    if (!result.ok || Object.keys(found).length > 0) return;
    try {
      // Sharing and roots are not on this form: an edit leaves them as they are.
      const { id, sharing, roots, ...patch } = result.server;
      const summary = editing ? await api.call('servers.update', { id, patch }) : await api.call('servers.add', result.server);
      applySummary(summary);
      notify({ kind: 'success', message: editing ? `Saved ${summary.name}.` : `Added ${summary.name}.` });
      onClose();
    } catch (error) {
      setErrors(errorsFromServer(error instanceof ApiError ? error.code : 'failed', messageOf(error)));
    }
  });

  const title = editing ? `Edit ${editing.name}` : 'Add a custom server';
  const formId = 'server-form';
  return (
    <Modal
      open={open}
      title={title}
      onClose={onClose}
      busy={save.pending}
      testId="server-form"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={save.pending}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={save.pending} data-testid="server-form-save">
            {save.pending ? 'Saving…' : editing ? 'Save' : 'Add server'}
          </button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <ServerFormFields values={values} errors={errors} editing={editing !== null} idTouched={idTouched} onIdTouched={() => setIdTouched(true)} onChange={change} />
        <InlineError message={errors.form ?? save.error?.message} />
      </form>
    </Modal>
  );
}
