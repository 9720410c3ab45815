import { ArrayFieldEditor } from './ArrayFieldEditor';
import { FieldFrame } from './FieldFrame';
import type { FieldModel } from './form-model';
import type { FormValue } from './form-values';
import { ObjectFieldEditor } from './ObjectFieldEditor';
import { ScalarControl } from './ScalarControl';
import { fieldId, useSchemaForm } from './schema-form-context';
import type { ValuePath } from './schema-validation';
import { UnionFieldEditor } from './UnionFieldEditor';

export interface SchemaFieldProps {
  field: FieldModel;
  /** The property name, or "labels item 2" inside a list: what the label says. */
  label: string;
  path: ValuePath;
  required: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
}

/** One part of the generated form, edited the way its kind needs. */
export function SchemaField(props: SchemaFieldProps) {
  const { field, label, path, required, value, onChange } = props;
  const { idPrefix } = useSchemaForm();
  const id = fieldId(idPrefix, path);
  switch (field.kind) {
    case 'object':
      return <ObjectFieldEditor {...props} field={field} id={id} />;
    case 'array':
      return <ArrayFieldEditor {...props} field={field} id={id} />;
    case 'union':
      return <UnionFieldEditor {...props} field={field} id={id} />;
    default:
      return (
        <FieldFrame id={id} label={label} path={path} field={field} required={required} value={value} onChange={onChange}>
          {(control) => <ScalarControl field={field} required={required} value={value} onChange={onChange} control={control} />}
        </FieldFrame>
      );
  }
}
