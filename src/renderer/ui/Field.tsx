import { useId, type ReactNode } from 'react';

interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  help?: ReactNode;
  error?: string | undefined;
  /** Renders the control with the ids that tie it to its label, help and error. */
  children: (control: FieldControlProps) => ReactNode;
  optional?: boolean;
  testId?: string;
  /** Spans both columns of a two-column form. */
  wide?: boolean;
}

/** A labelled form control with its help text and, right under it, its validation message. */
export function Field({ label, help, error, children, optional, testId, wide }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', wide ? 'field-wide' : ''].filter(Boolean).join(' ')} data-testid={testId}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {/* Outside the label, so the field is found as "Arguments", not "Arguments (optional)". */}
        {optional ? <span className="field-optional">(optional)</span> : null}
      </div>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}
