import type { ObjectField } from './form-model';
import { initialPropertyValue, isFormRecord, type FormValue } from './form-values';
import { FieldGroupFrame } from './FieldGroupFrame';
import { SchemaField, type SchemaFieldProps } from './SchemaField';

type ObjectFieldEditorProps = Omit<SchemaFieldProps, 'field'> & { field: ObjectField; id: string };

/** The fields of an object, one after another; nested objects get a titled group. */
export function ObjectFields({ field, path, value, onChange }: Pick<ObjectFieldEditorProps, 'field' | 'path' | 'value' | 'onChange'>) {
  const record = isFormRecord(value) ? value : {};
  return (
    <div className="pg-fields">
      {field.properties.map((property) => {
        const current = record[property.key];
        return (
          <SchemaField
            key={property.key}
            field={property.field}
            label={property.key}
            path={[...path, property.key]}
            required={property.required}
            // null is a value here ("send null"), so only a missing key falls back.
            value={current === undefined ? initialPropertyValue(property) : current}
            onChange={(next: FormValue) => onChange({ ...record, [property.key]: next })}
          />
        );
      })}
    </div>
  );
}

export function ObjectFieldEditor({ field, label, path, required, value, onChange, id }: ObjectFieldEditorProps) {
  return (
    <FieldGroupFrame className="pg-group" id={id} label={label} path={path} field={field} required={required} value={value} onChange={onChange}>
      <ObjectFields field={field} path={path} value={value} onChange={onChange} />
    </FieldGroupFrame>
  );
}
