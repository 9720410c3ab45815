import type { InputMode } from './tool-input-store';

/** Form or raw JSON: two pressed-state buttons, reachable with Tab like any other. */
export function InputModeSwitch({ mode, onChange }: { mode: InputMode; onChange: (mode: InputMode) => void }) {
  return (
    <div className="pg-segmented" role="group" aria-label="Input mode">
      <button type="button" className="pg-segment" aria-pressed={mode === 'form'} onClick={() => onChange('form')} data-testid="mode-form">
        Form
      </button>
      <button type="button" className="pg-segment" aria-pressed={mode === 'json'} onClick={() => onChange('json')} data-testid="mode-json">
        JSON
      </button>
    </div>
  );
}
