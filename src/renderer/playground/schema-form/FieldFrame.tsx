import type { ReactNode } from 'react';
import { fieldHint } from './field-hint';
import type { FieldModel } from './form-model';
import { initialValue, type FormValue } from './form-values';
import { NullToggle } from './NullToggle';
import { useSchemaForm } from './schema-form-context';
import type { ValuePath } from './schema-validation';
import { RequiredMark } from './RequiredMark';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
  'aria-required': boolean;
  disabled: boolean;
}

interface FieldFrameProps {
  id: string;
  label: string;
  path: ValuePath;
  field: FieldModel;
  required: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
  children: (control: ControlProps) => ReactNode;
}

/**
 * One field of the generated form: its name (what getByLabel finds), a required mark, the type
 * line, the control, then its problem or its description. Problems replace nothing: the
 * description stays, since it usually says what a valid value looks like.
 */
export function FieldFrame({ id, label, path, field, required, value, onChange, children }: FieldFrameProps) {
  const form = useSchemaForm();
  const problems = form.problemsAt(path);
  const helpId = field.description ? `${id}-help` : undefined;
  const errorId = problems.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const isNull = value === null;
  return (
    <div className={problems.length > 0 ? 'pg-field pg-field-invalid' : 'pg-field'} onBlur={() => form.markTouched(path)}>
      <div className="pg-field-head">
        {/* Only the name is the label (star and title beside it), so a field is found by its exact name. */}
        <label htmlFor={id} className="pg-field-label">
          <span className="pg-field-name">{label}</span>
        </label>
        {required ? <RequiredMark /> : null}
        {field.title && field.title !== label ? <span className="pg-field-title">{field.title}</span> : null}
        <span className="pg-field-type">{fieldHint(field)}</span>
        {field.nullable ? (
          <NullToggle label={label} value={value} onChange={onChange} restore={() => initialValue({ ...field, nullable: false })} disabled={form.disabled} />
        ) : null}
      </div>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': problems.length > 0, 'aria-required': required, disabled: form.disabled || isNull })}
      {problems.length > 0 ? (
        <p className="pg-field-error" id={errorId}>
          {problems.map((problem) => `${label} ${problem}`).join('; ')}
        </p>
      ) : null}
      {field.description ? (
        <p className="pg-field-help" id={helpId}>
          {field.description}
        </p>
      ) : null}
    </div>
  );
}
