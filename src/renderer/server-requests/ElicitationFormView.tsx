import { useMemo, useState } from 'react';
import { buildFormModel } from '../playground/schema-form/form-model';
import { formToArguments } from '../playground/schema-form/form-arguments';
import { initialFormValue, type FormValue } from '../playground/schema-form/form-values';
import { SchemaForm } from '../playground/schema-form/SchemaForm';
import { AnswerError, CancelAndDecline } from './AnswerParts';
import type { Answering } from './use-answer';
import type { ElicitationRequest, FormElicitation } from './request-kinds';

/** A form-mode elicitation: the server's message, its schema as a form, and Accept, Decline or Cancel (MCP 2025-11-25, Client > Elicitation). */
export function ElicitationFormView({ request, params, answering }: { request: ElicitationRequest; params: FormElicitation; answering: Answering }) {
  const model = useMemo(() => buildFormModel(params.requestedSchema), [params.requestedSchema]);
  const [value, setValue] = useState<FormValue>(() => initialFormValue(model.root));
  const [attempted, setAttempted] = useState(false);
  const prepared = useMemo(() => formToArguments(model, value), [model, value]);

  const accept = () => {
    setAttempted(true);
    if (prepared.problems.length > 0) return;
    answering.send({ id: request.id, result: { action: 'accept', content: prepared.arguments } });
  };

  return (
    <div className="sr-body" data-testid="elicitation-form">
      <p className="sr-message-text" data-testid="elicitation-message">
        {params.message}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          accept();
        }}
      >
        <SchemaForm model={model} value={value} onChange={setValue} problems={prepared.problems} showAllProblems={attempted} disabled={answering.busy} />
        <AnswerError answering={answering} />
        <div className="sr-actions">
          <CancelAndDecline id={request.id} answering={answering} />
          <button type="submit" className="btn btn-primary" disabled={answering.busy} data-testid="elicitation-accept">
            Accept
          </button>
        </div>
      </form>
    </div>
  );
}
