import type { ArrayField } from './form-model';
import { initialValue, type FormValue } from './form-values';
import { Icon } from '../../ui/Icon';
import { FieldGroupFrame } from './FieldGroupFrame';
import { SchemaField, type SchemaFieldProps } from './SchemaField';
import { useSchemaForm } from './schema-form-context';

type ArrayFieldEditorProps = Omit<SchemaFieldProps, 'field'> & { field: ArrayField; id: string };

/** A list: each item edited with the item schema's own field, with add and remove. */
export function ArrayFieldEditor({ field, label, path, required, value, onChange, id }: ArrayFieldEditorProps) {
  const form = useSchemaForm();
  const items: FormValue[] = Array.isArray(value) ? value : [];
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const replace = (index: number, next: FormValue) => onChange(items.map((item, at) => (at === index ? next : item)));
  return (
    <FieldGroupFrame
      className="pg-group pg-array"
      id={id}
      label={label}
      path={path}
      field={field}
      required={required}
      value={value}
      onChange={onChange}
      summary={`${items.length} item${items.length === 1 ? '' : 's'}`}
    >
      <ol className="stacked-list pg-array-items">
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
    </FieldGroupFrame>
  );
}
