import type { FormValue } from './form-values';

interface NullToggleProps {
  label: string;
  value: FormValue;
  onChange: (value: FormValue) => void;
  /** What the field goes back to when null is unticked. */
  restore: () => FormValue;
  disabled: boolean;
}

/** "Send null" for fields whose schema allows it: an empty field is left out, which is not the same. */
export function NullToggle({ label, value, onChange, restore, disabled }: NullToggleProps) {
  return (
    // Named just "null" (with a tooltip): a name holding the field's would also match getByLabel(field).
    <label className="pg-null-toggle" title={`Send null for ${label}`}>
      <input
        type="checkbox"
        checked={value === null}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked ? null : restore())}
      />
      null
    </label>
  );
}
