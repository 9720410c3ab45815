interface ToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  /** Hide the label visually but keep it for screen readers (in dense table rows). */
  hideLabel?: boolean;
  disabled?: boolean;
  testId?: string;
  title?: string;
}

/** An on/off switch: a real checkbox (keyboard, forms, screen readers) drawn as a switch. */
export function Toggle({ checked, onChange, label, hideLabel, disabled, testId, title }: ToggleProps) {
  return (
    <label className={disabled ? 'toggle toggle-disabled' : 'toggle'} title={title}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
        aria-checked={checked}
      />
      <span className="toggle-track" aria-hidden="true">
        <span className="toggle-thumb" />
      </span>
      <span className={hideLabel ? 'visually-hidden' : 'toggle-label'}>{label}</span>
    </label>
  );
}
