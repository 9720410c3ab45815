import { FieldFrame } from './FieldFrame';
import type { UnionField } from './form-model';
import { emptyValue, readUnionValue, unionValue } from './form-values';
import { ScalarControl } from './ScalarControl';
import type { SchemaFieldProps } from './SchemaField';

type UnionFieldEditorProps = Omit<SchemaFieldProps, 'field'> & { field: UnionField; id: string };

/** A value of one of several simple types: pick the type, then edit the value as that type. */
export function UnionFieldEditor({ field, label, path, required, value, onChange, id }: UnionFieldEditorProps) {
  const { variant, value: variantValue } = readUnionValue(value);
  const chosen = field.variants[variant] ?? field.variants[0];
  if (!chosen) return null;
  return (
    <FieldFrame id={id} label={label} path={path} field={field} required={required} value={value} onChange={onChange}>
      {(control) => (
        <div className="pg-union">
          <select
            className="input pg-select pg-union-type"
            aria-label="Type"
            title={`Which type of value to send for ${label}`}
            value={String(variant)}
            disabled={control.disabled}
            onChange={(event) => {
              const index = Number(event.target.value);
              const next = field.variants[index];
              if (next) onChange(unionValue(index, emptyValue(next.field)));
            }}
          >
            {field.variants.map((option, index) => (
              <option key={index} value={index}>
                {option.label}
              </option>
            ))}
          </select>
          <ScalarControl
            field={chosen.field}
            required={required}
            value={variantValue}
            onChange={(next) => onChange(unionValue(variant, next))}
            control={control}
          />
        </div>
      )}
    </FieldFrame>
  );
}
