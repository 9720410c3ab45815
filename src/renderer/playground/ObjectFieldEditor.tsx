import type { ObjectField } from './form-model';
import { initialPropertyValue, initialValue, isFormRecord, type FormValue } from './form-values';
import { NullToggle } from './NullToggle';
import { SchemaField, type SchemaFieldProps } from './SchemaField';
import { useSchemaForm } from './schema-form-context';
import { RequiredMark } from './RequiredMark';

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
  const form = useSchemaForm();
  const problems = form.problemsAt(path);
  return (
    <fieldset className="pg-group" id={id} aria-describedby={field.description ? `${id}-help` : undefined}>
      <legend className="pg-field-label">
        <span className="pg-field-name">{label}</span>
        {required ? <RequiredMark /> : null}
        {field.title && field.title !== label ? <span className="pg-field-title">{field.title}</span> : null}
        {field.nullable ? (
          <NullToggle label={label} value={value} onChange={onChange} restore={() => initialValue({ ...field, nullable: false })} disabled={form.disabled} />
        ) : null}
      </legend>
      {field.description ? (
        <p className="pg-field-help" id={`${id}-help`}>
          {field.description}
        </p>
      ) : null}
      {problems.length > 0 ? <p className="pg-field-error">{problems.map((problem) => `${label} ${problem}`).join('; ')}</p> : null}
      {value === null ? null : <ObjectFields field={field} path={path} value={value} onChange={onChange} />}
    </fieldset>
  );
}
