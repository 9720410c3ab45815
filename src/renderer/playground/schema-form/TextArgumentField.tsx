import { useId } from 'react';
import { RequiredMark } from './RequiredMark';

interface TextArgumentFieldProps {
  name: string;
  description?: string | undefined;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  showMissing: boolean;
  disabled?: boolean;
}

/** A named text argument (a prompt argument, a URI template variable), labelled with its name. */
export function TextArgumentField({ name, description, required, value, onChange, showMissing, disabled = false }: TextArgumentFieldProps) {
  const id = useId();
  const missing = showMissing && required && value.trim() === '';
  const helpId = description ? `${id}-help` : undefined;
  const errorId = missing ? `${id}-error` : undefined;
  return (
    <div className={missing ? 'pg-field pg-field-invalid' : 'pg-field'}>
      <div className="pg-field-head">
        <label htmlFor={id} className="pg-field-label">
          <span className="pg-field-name">{name}</span>
        </label>
        {required ? <RequiredMark /> : null}
        <span className="pg-field-type">string</span>
      </div>
      <input
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        aria-required={required}
        aria-invalid={missing}
        aria-describedby={[errorId, helpId].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {missing ? (
        <p className="pg-field-error" id={errorId}>
          {name} is required
        </p>
      ) : null}
      {description ? (
        <p className="pg-field-help" id={helpId}>
          {description}
        </p>
      ) : null}
    </div>
  );
}
