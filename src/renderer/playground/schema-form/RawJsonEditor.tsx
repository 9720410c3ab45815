import { useId } from 'react';
import type { JsonTextError } from './json-text';
import { describeProblem, type ValidationProblem } from './schema-validation';

interface RawJsonEditorProps {
  text: string;
  onChange: (text: string) => void;
  parseError: JsonTextError | null;
  /** What the schema says about the parsed arguments (shown live; the call may still be sent). */
  problems: readonly ValidationProblem[];
  disabled: boolean;
}

/** The arguments as JSON text, checked as you type: syntax with line and column, then the schema. */
export function RawJsonEditor({ text, onChange, parseError, problems, disabled }: RawJsonEditorProps) {
  const id = useId();
  const statusId = `${id}-status`;
  const lineCount = text.split('\n').length;
  return (
    <div className="pg-raw-json">
      <label htmlFor={id} className="pg-field-label">
        <span className="pg-field-name">Arguments (JSON)</span>
      </label>
      <textarea
        id={id}
        className="input input-mono pg-textarea pg-raw-json-text"
        rows={Math.min(Math.max(lineCount + 1, 6), 24)}
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-invalid={parseError !== null || problems.length > 0}
        aria-describedby={statusId}
        data-testid="raw-json"
        onChange={(event) => onChange(event.target.value)}
      />
      <div id={statusId} className="pg-raw-json-status" aria-live="polite" data-testid="raw-json-status">
        {parseError ? (
          <p className="pg-field-error">Not valid JSON: {parseError.message}.</p>
        ) : problems.length > 0 ? (
          <ul className="pg-problem-list pg-problem-list-warning">
            {problems.map((problem, index) => (
              <li key={index}>{describeProblem(problem)}</li>
            ))}
          </ul>
        ) : (
          <p className="pg-valid">Valid JSON that matches the input schema.</p>
        )}
      </div>
    </div>
  );
}
