import type { ArrayField } from './form-model';
import { initialValue, type FormValue } from './form-values';
import { Icon } from '../ui/Icon';
import { NullToggle } from './NullToggle';
import { SchemaField, type SchemaFieldProps } from './SchemaField';
import { useSchemaForm } from './schema-form-context';
import { RequiredMark } from './RequiredMark';

type ArrayFieldEditorProps = Omit<SchemaFieldProps, 'field'> & { field: ArrayField; id: string };

/** A list: each item edited with the item schema's own field, with add and remove. */
export function ArrayFieldEditor({ field, label, path, required, value, onChange, id }: ArrayFieldEditorProps) {
  const form = useSchemaForm();
  const items: FormValue[] = Array.isArray(value) ? value : [];
  const problems = form.problemsAt(path);
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const replace = (index: number, next: FormValue) => onChange(items.map((item, at) => (at === index ? next : item)));
  return (
    <fieldset className="pg-group pg-array" id={id} aria-describedby={field.description ? `${id}-help` : undefined}>
      <legend className="pg-field-label">
        <span className="pg-field-name">{label}</span>
        {required ? <RequiredMark /> : null}
        {field.title && field.title !== label ? <span className="pg-field-title">{field.title}</span> : null}
        <span className="pg-field-type">
          {items.length} item{items.length === 1 ? '' : 's'}
        </span>
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
      {value === null ? null : (
        <>
          <ol className="pg-array-items">
            {items.map((item, index) => (
              <li key={index} className="pg-array-item">
                <SchemaField
                  field={field.item}
                  label={`${label} item ${index + 1}`}
                  path={[...path, index]}
                  required={false}
                  value={item}
                  onChange={(next) => replace(index, next)}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-icon pg-array-remove"
                  title="Remove"
                  disabled={form.disabled}
                  onClick={() => onChange(items.filter((_item, at) => at !== index))}
                >
                  <Icon name="trash" size={14} />
                  {/* Visible to screen readers as the button's name, but no label: getByLabel(field) stays unique. */}
                  <span className="visually-hidden">Remove item {index + 1}</span>
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn btn-small"
            disabled={form.disabled || full}
            onClick={() => onChange([...items, initialValue(field.item)])}
          >
            <Icon name="plus" size={14} />
            Add item<span className="visually-hidden"> to {label}</span>
          </button>
        </>
      )}
    </fieldset>
  );
}
