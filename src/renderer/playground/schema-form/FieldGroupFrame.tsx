import type { ReactNode } from 'react';
import type { FieldModel } from './form-model';
import { initialValue, type FormValue } from './form-values';
import { NullToggle } from './NullToggle';
import { useSchemaForm } from './schema-form-context';
import type { ValuePath } from './schema-validation';
import { RequiredMark } from './RequiredMark';

interface FieldGroupFrameProps {
  id: string;
  className: string;
  label: string;
  path: ValuePath;
  field: FieldModel;
  required: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
  /** Shown as the type line beside the name, e.g. "3 items". */
  summary?: ReactNode;
  /** The group's own fields; left out while the value is null. */
  children: ReactNode;
}

/**
 * A field made of other fields (an object or a list): the fieldset's legend names it the way
 * FieldFrame names a single field, then come its description, its problems and, unless it is null, its fields.
 */
export function FieldGroupFrame({ id, className, label, path, field, required, value, onChange, summary, children }: FieldGroupFrameProps) {
  const form = useSchemaForm();
  const problems = form.problemsAt(path);
  return (
    <fieldset className={className} id={id} aria-describedby={field.description ? `${id}-help` : undefined}>
      <legend className="pg-field-label">
        <span className="pg-field-name">{label}</span>
        {required ? <RequiredMark /> : null}
        {field.title && field.title !== label ? <span className="pg-field-title">{field.title}</span> : null}
        {summary === undefined ? null : <span className="pg-field-type">{summary}</span>}
        {field.nullable ? (
          <NullToggle label={label} value={value} onChange={onChange} restore={() => initialValue({ ...field, nullable: false })} disabled={form.disabled} />
        ) : null}
      </legend>
      {field.description ? (
        <p className="pg-field-help" id={`${id}-help`}>
          {field.description}
        </p>
      ) : null}
      {problems.length > 0 ? <p className="pg-field-error">{problems.map((problem) => `${label} ${problem}`).join('; ')}</p> : null}
      {value === null ? null : children}
    </fieldset>
  );
}
