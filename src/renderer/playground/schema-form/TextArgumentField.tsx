import { useId, useState, type KeyboardEvent } from 'react';
import { CompletionList } from '../completions/CompletionList';
import { nextHighlight } from '../completions/completion-list';
import { useCompletions, type Suggest } from '../completions/use-completions';
import { RequiredMark } from './RequiredMark';

interface TextArgumentFieldProps {
  name: string;
  description?: string | undefined;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  showMissing: boolean;
  disabled?: boolean;
  /** Given when the server offers completions: the field suggests values as you type. */
  suggest?: Suggest | undefined;
}

/** A named text argument (a prompt argument, a URI template variable), labelled with its name. */
export function TextArgumentField({ name, description, required, value, onChange, showMissing, disabled = false, suggest }: TextArgumentFieldProps) {
  const id = useId();
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const completions = useCompletions(suggest, value, focused && !dismissed);
  const options = completions.status === 'ready' ? completions.answer.values : [];
  const open = options.length > 0;
  const missing = showMissing && required && value.trim() === '';
  const helpId = description ? `${id}-help` : undefined;
  const errorId = missing ? `${id}-error` : undefined;
  const listId = `${id}-suggestions`;

  const change = (next: string) => {
    setHighlight(-1);
    setDismissed(false);
    onChange(next);
  };
  const pick = (picked: string) => {
    change(picked);
    setDismissed(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open) {
      if (event.key === 'ArrowDown' && suggest && dismissed) setDismissed(false);
      return;
    }
    if (event.key === 'Enter' && highlight >= 0 && options[highlight] !== undefined) {
      event.preventDefault();
      pick(options[highlight]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(true);
    } else if (['ArrowDown', 'ArrowUp'].includes(event.key)) {
      event.preventDefault();
      setHighlight(nextHighlight(highlight, options.length, event.key));
    }
  };

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
        autoComplete="off"
        aria-required={required}
        aria-invalid={missing}
        aria-describedby={[errorId, helpId].filter(Boolean).join(' ') || undefined}
        {...(suggest
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': open,
              'aria-controls': listId,
              'aria-activedescendant': open && highlight >= 0 ? `${listId}-${highlight}` : undefined,
            }
          : {})}
        onChange={(event) => change(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={onKeyDown}
      />
      {suggest && !dismissed ? <CompletionList id={listId} state={completions} highlight={highlight} onPick={pick} /> : null}
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
