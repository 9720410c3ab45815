import type { BooleanField, EnumField, JsonField, MultiEnumField, NumberField, TextField } from './form-model';
import type { FormValue } from './form-values';
import type { ControlProps } from './FieldFrame';

type ScalarField = TextField | NumberField | BooleanField | EnumField | MultiEnumField | JsonField;

interface ScalarControlProps {
  field: ScalarField;
  required: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
  control: ControlProps;
}

const textOf = (value: FormValue) => (typeof value === 'string' ? value : '');

function TextControl({ field, value, onChange, control }: { field: TextField } & Omit<ScalarControlProps, 'field' | 'required'>) {
  if (field.multiline) {
    return <textarea {...control} className="input pg-textarea" rows={5} value={textOf(value)} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <input
      {...control}
      className="input"
      type={field.inputType}
      // datetime-local hides seconds unless the step allows them.
      step={field.inputType === 'datetime-local' || field.inputType === 'time' ? 1 : undefined}
      value={textOf(value)}
      spellCheck={field.inputType === 'text'}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function NumberControl({ field, value, onChange, control }: { field: NumberField } & Omit<ScalarControlProps, 'field' | 'required'>) {
  return (
    <input
      {...control}
      className="input pg-number"
      type="number"
      inputMode={field.integer ? 'numeric' : 'decimal'}
      step={field.integer ? 1 : 'any'}
      min={field.minimum}
      max={field.maximum}
      value={textOf(value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** A required flag (or one with a default) is a checkbox; an optional one can also be left unset. */
function BooleanControl({ field, required, value, onChange, control }: { field: BooleanField } & Omit<ScalarControlProps, 'field'>) {
  if (required || field.defaultValue !== undefined) {
    return (
      <span className="pg-checkbox">
        <input {...control} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
        <span aria-hidden="true">{value === true ? 'true' : 'false'}</span>
      </span>
    );
  }
  const selected = value === true ? 'true' : value === false ? 'false' : '';
  return (
    <select {...control} className="input pg-select" value={selected} onChange={(event) => onChange(event.target.value === '' ? '' : event.target.value === 'true')}>
      <option value="">— not set —</option>
      <option value="true">true</option>
      <option value="false">false</option>
    </select>
  );
}

function EnumControl({ field, required, value, onChange, control }: { field: EnumField } & Omit<ScalarControlProps, 'field'>) {
  const hasDefault = field.defaultValue !== undefined;
  return (
    <select {...control} className="input pg-select" value={textOf(value)} onChange={(event) => onChange(event.target.value)}>
      {/* A required choice with no default starts blank, so the form never picks for the user. */}
      {!hasDefault || !required ? <option value="">{required ? 'Choose…' : '— not set —'}</option> : null}
      {field.options.map((option) => (
        <option key={option.key} value={option.key}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function MultiEnumControl({ field, value, onChange, control }: { field: MultiEnumField } & Omit<ScalarControlProps, 'field' | 'required'>) {
  const selected = Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
  return (
    <select
      {...control}
      className="input pg-multi-select"
      multiple
      size={Math.min(Math.max(field.options.length, 2), 6)}
      value={selected}
      onChange={(event) => onChange(Array.from(event.target.selectedOptions, (option) => option.value))}
    >
      {field.options.map((option) => (
        <option key={option.key} value={option.key}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function JsonControl({ field, value, onChange, control }: { field: JsonField } & Omit<ScalarControlProps, 'field' | 'required'>) {
  return (
    <>
      <textarea
        {...control}
        className="input input-mono pg-textarea pg-json-field"
        rows={4}
        spellCheck={false}
        placeholder={'JSON, e.g. {"key": "value"}'}
        value={textOf(value)}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="pg-field-note">{field.reason}</p>
    </>
  );
}

/** The input element for a field that holds one value (or one JSON text). */
export function ScalarControl(props: ScalarControlProps) {
  const { field } = props;
  switch (field.kind) {
    case 'text':
      return <TextControl {...props} field={field} />;
    case 'number':
      return <NumberControl {...props} field={field} />;
    case 'boolean':
      return <BooleanControl {...props} field={field} />;
    case 'enum':
      return <EnumControl {...props} field={field} />;
    case 'multi-enum':
      return <MultiEnumControl {...props} field={field} />;
    case 'json':
      return <JsonControl {...props} field={field} />;
  }
}
