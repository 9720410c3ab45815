/**
 * The form model: what each part of a tool's input becomes in the generated form. Built from the
 * JSON Schema by form-model.ts; rendered by SchemaForm; converted to arguments by form-arguments.ts.
 */
import type { JsonSchema } from './json-schema';
import type { inputTypeForFormat } from './string-formats';

export interface FieldCommon {
  title?: string;
  description?: string;
  /** The schema's default, as a JSON value (prefilled into the form). */
  defaultValue?: unknown;
  /** The field may hold null (the UI offers "null" next to it). */
  nullable: boolean;
}

export interface TextField extends FieldCommon {
  kind: 'text';
  inputType: ReturnType<typeof inputTypeForFormat>;
  multiline: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface NumberField extends FieldCommon {
  kind: 'number';
  integer: boolean;
  minimum?: number;
  maximum?: number;
  /** The bound itself is not allowed (JSON Schema exclusiveMinimum / exclusiveMaximum). */
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
}

export interface BooleanField extends FieldCommon {
  kind: 'boolean';
}

export interface EnumOption {
  /** The value JSON-encoded: unique, and what <option value> holds. */
  key: string;
  value: unknown;
  label: string;
}

export interface EnumField extends FieldCommon {
  kind: 'enum';
  options: EnumOption[];
}

export interface MultiEnumField extends FieldCommon {
  kind: 'multi-enum';
  options: EnumOption[];
}

export interface ArrayField extends FieldCommon {
  kind: 'array';
  item: FieldModel;
  maxItems?: number;
}

export interface PropertyModel {
  key: string;
  required: boolean;
  field: FieldModel;
}

export interface ObjectField extends FieldCommon {
  kind: 'object';
  properties: PropertyModel[];
}

export interface UnionVariant {
  label: string;
  field: TextField | NumberField | BooleanField | EnumField;
}

export interface UnionField extends FieldCommon {
  kind: 'union';
  variants: UnionVariant[];
}

export interface JsonField extends FieldCommon {
  kind: 'json';
  /** Why the form cannot edit this part, shown as a hint. */
  reason: string;
}

export type FieldModel = TextField | NumberField | BooleanField | EnumField | MultiEnumField | ArrayField | ObjectField | UnionField | JsonField;

export interface FormModel {
  /** The input schema as read; validation runs against it. */
  schema: JsonSchema;
  root: ObjectField | JsonField;
}
