import { completionSummary } from './completion-list';
import type { CompletionState } from './use-completions';

interface CompletionListProps {
  id: string;
  state: CompletionState;
  highlight: number;
  onPick: (value: string) => void;
}

/** The server's suggestions under a field, as a listbox the field drives with the keyboard. */
export function CompletionList({ id, state, highlight, onPick }: CompletionListProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'error') {
    return (
      <p className="pg-completion-note" data-testid="completion-error">
        No suggestions: {state.message}
      </p>
    );
  }
  const { values, total, hasMore } = state.answer;
  if (values.length === 0) return null;
  return (
    <div className="pg-completions">
      <ul id={id} role="listbox" className="pg-completion-list" aria-label="Suggestions" data-testid="completion-list">
        {values.map((value, index) => (
          <li
            key={`${index}:${value}`}
            id={`${id}-${index}`}
            role="option"
            aria-selected={index === highlight}
            className={index === highlight ? 'pg-completion-option pg-completion-option-active' : 'pg-completion-option'}
            data-testid="completion-option"
            // mousedown, not click: the field keeps its focus, so the list does not close first.
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(value);
            }}
          >
            {value}
          </li>
        ))}
      </ul>
      <p className="pg-completion-note" aria-live="polite">
        {completionSummary(values.length, total, hasMore)}
      </p>
    </div>
  );
}
