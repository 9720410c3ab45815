/**
 * Turns a tool's JSON Schema input into a form model: one field per property, each a kind the UI
 * knows how to edit. Whatever the form cannot edit faithfully becomes a JSON field for that part
 * only, so an unusual schema never blocks the rest of the form.
 */
import type {
  ArrayField,
  FieldCommon,
  FieldModel,
  FormModel,
  JsonField,
  EnumOption,
  NumberField,
  TextField,
  UnionField,
  UnionVariant,
} from './field-model';
import { declaredTypes, readSchema, resolveRef, type JsonSchema, type JsonType } from './json-schema';
import { inputTypeForFormat } from './string-formats';

export type * from './field-model';

// Nested deeper than this, a form is harder to use than JSON.
const MAX_NESTING = 6;
// Keywords that change what is valid in ways the form cannot show.
const BLOCKING_KEYWORDS = new Set(['patternProperties', 'if', 'then', 'else', 'dependentSchemas', 'dependencies', 'contains', 'propertyNames']);
// Long text gets a text area rather than a one-line input.
const MULTILINE_FROM_LENGTH = 1000;

interface BuildContext {
  root: JsonSchema;
  depth: number;
  /** $refs being expanded on the way here: meeting one again means recursion. */
  refs: readonly string[];
}

function common(schema: JsonSchema, nullable: boolean): FieldCommon {
  const result: FieldCommon = { nullable };
  if (schema.title !== undefined) result.title = schema.title;
  if (schema.description !== undefined) result.description = schema.description;
  if (schema.default !== undefined) result.defaultValue = schema.default;
  return result;
}

function jsonField(schema: JsonSchema, reason: string, nullable = false): JsonField {
  return { kind: 'json', reason, ...common(schema, nullable) };
}

function without<K extends keyof JsonSchema>(schema: JsonSchema, key: K): JsonSchema {
  const copy = { ...schema };
  delete copy[key];
  return copy;
}

function optionLabel(value: unknown, title?: string): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return title !== undefined && title !== text ? `${title} (${text})` : text;
}

function enumOptions(values: readonly unknown[]): EnumOption[] {
  return values.map((value) => ({ key: JSON.stringify(value), value, label: optionLabel(value) }));
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** `{ const: x }` or a one-value enum: one choice of a titled list ("oneOf" of consts). */
function constantOf(schema: JsonSchema): { value: unknown } | undefined {
  if (schema.hasConst) return { value: schema.const };
  if (schema.enum?.length === 1) return { value: schema.enum[0] };
  return undefined;
}

function isOnlyNull(schema: JsonSchema): boolean {
  const types = declaredTypes(schema);
  return types !== undefined && types.length === 1 && types[0] === 'null';
}

function expandRef(schema: JsonSchema, context: BuildContext): { schema: JsonSchema; context: BuildContext } | JsonField {
  if (schema.ref === undefined) return { schema, context };
  if (context.refs.includes(schema.ref)) return jsonField(schema, 'This part refers to itself, so it is edited as JSON.');
  const target = resolveRef(context.root, schema.ref);
  if (!target) return jsonField(schema, `The schema refers to ${schema.ref}, which it does not define; edit this part as JSON.`);
  // Keywords next to $ref (description, default) describe this use of the shared definition.
  const merged = { ...target, ...without(schema, 'ref') };
  return { schema: merged, context: { ...context, refs: [...context.refs, schema.ref] } };
}

function mergeAllOf(schema: JsonSchema, context: BuildContext): JsonSchema | undefined {
  let merged = without(schema, 'allOf');
  for (const part of schema.allOf ?? []) {
    const expanded = expandRef(part, context);
    if ('kind' in expanded) return undefined;
    const partSchema = expanded.schema;
    const isObjectPart = partSchema.properties !== undefined || declaredTypes(partSchema)?.includes('object');
    if (!isObjectPart) return undefined;
    merged = {
      ...partSchema,
      ...merged,
      types: merged.types ?? partSchema.types ?? ['object'],
      properties: { ...merged.properties, ...partSchema.properties },
      required: [...(merged.required ?? []), ...(partSchema.required ?? [])],
    };
  }
  return merged;
}

function buildAlternatives(schema: JsonSchema, variants: readonly JsonSchema[], context: BuildContext): FieldModel {
  const base = without(without(schema, 'anyOf'), 'oneOf');
  const expanded = variants.map((variant) => expandRef(variant, context));
  if (expanded.some((item) => 'kind' in item)) return jsonField(schema, 'Its alternatives cannot be read; edit it as JSON.');
  const resolved = expanded.flatMap((item) => ('kind' in item ? [] : [item.schema]));
  const nullable = resolved.some(isOnlyNull);
  const others = resolved.filter((variant) => !isOnlyNull(variant));
  if (others.length === 0) return jsonField(schema, 'It only accepts null.', true);
  if (others.length === 1 && others[0]) {
    return buildField({ ...others[0], ...base, types: others[0].types ?? base.types }, context, nullable);
  }
  const constants = others.map(constantOf);
  if (constants.every((constant) => constant !== undefined && isScalar(constant.value))) {
    const options = others.map((variant, index) => {
      const value = constants[index]?.value;
      return { key: JSON.stringify(value), value, label: optionLabel(value, variant.title) };
    });
    return { kind: 'enum', options, ...common(base, nullable) };
  }
  const simple = others.map((variant) => buildField(variant, context, false));
  const editable = simple.filter((field): field is UnionVariant['field'] => ['text', 'number', 'boolean', 'enum'].includes(field.kind));
  if (editable.length !== simple.length) return jsonField(base, 'It accepts several shapes; edit it as JSON.', nullable);
  const union: UnionField = {
    kind: 'union',
    variants: editable.map((field, index) => ({ label: variantLabel(field, others[index]), field })),
    ...common(base, nullable),
  };
  return union;
}

function variantLabel(field: UnionVariant['field'], schema: JsonSchema | undefined): string {
  if (schema?.title) return schema.title;
  if (field.kind === 'number') return field.integer ? 'integer' : 'number';
  if (field.kind === 'enum') return 'choice';
  return field.kind === 'text' ? 'string' : 'boolean';
}

function buildTyped(type: JsonType, schema: JsonSchema, context: BuildContext, nullable: boolean): FieldModel {
  const base = common(schema, nullable);
  if (schema.enum && type !== 'boolean' && type !== 'array' && type !== 'object') {
    return { kind: 'enum', options: enumOptions(schema.enum), ...base };
  }
  switch (type) {
    case 'string': {
      const field: TextField = {
        kind: 'text',
        inputType: inputTypeForFormat(schema.format),
        multiline: (schema.maxLength ?? 0) > MULTILINE_FROM_LENGTH,
        ...base,
      };
      if (schema.minLength !== undefined) field.minLength = schema.minLength;
      if (schema.maxLength !== undefined) field.maxLength = schema.maxLength;
      if (schema.pattern !== undefined) field.pattern = schema.pattern;
      return field;
    }
    case 'number':
    case 'integer': {
      const field: NumberField = { kind: 'number', integer: type === 'integer', ...base };
      if (schema.minimum !== undefined) field.minimum = schema.minimum;
      else if (schema.exclusiveMinimum !== undefined) Object.assign(field, { minimum: schema.exclusiveMinimum, exclusiveMinimum: true });
      if (schema.maximum !== undefined) field.maximum = schema.maximum;
      else if (schema.exclusiveMaximum !== undefined) Object.assign(field, { maximum: schema.exclusiveMaximum, exclusiveMaximum: true });
      return field;
    }
    case 'boolean':
      return { kind: 'boolean', ...base };
    case 'array':
      return buildArray(schema, context, nullable);
    case 'object':
      return buildObject(schema, context, nullable);
    case 'null':
      return jsonField(schema, 'It only accepts null.', true);
  }
}

function buildArray(schema: JsonSchema, context: BuildContext, nullable: boolean): FieldModel {
  if (schema.tupleItems) return jsonField(schema, 'It is a fixed-length list of different things; edit it as JSON.', nullable);
  const items = schema.items ? expandRef(schema.items, context) : undefined;
  if (items && 'kind' in items) return { ...items, ...common(schema, nullable) };
  const itemSchema = items?.schema ?? {};
  const choices = itemSchema.enum ?? itemSchema.anyOf?.map(constantOf).map((constant) => constant?.value);
  if (choices && choices.length > 0 && choices.every((choice) => choice !== undefined && isScalar(choice))) {
    return { kind: 'multi-enum', options: enumOptions(choices), ...common(schema, nullable) };
  }
  const field: ArrayField = { kind: 'array', item: buildField(itemSchema, { ...context, depth: context.depth + 1 }), ...common(schema, nullable) };
  if (schema.maxItems !== undefined) field.maxItems = schema.maxItems;
  return field;
}

function buildObject(schema: JsonSchema, context: BuildContext, nullable: boolean): FieldModel {
  const properties = Object.entries(schema.properties ?? {});
  const isRoot = context.depth === 0;
  if (properties.length === 0 && !isRoot) return jsonField(schema, 'Its keys are free-form; edit it as JSON.', nullable);
  const required = new Set(schema.required ?? []);
  return {
    kind: 'object',
    properties: properties.map(([key, property]) => ({
      key,
      required: required.has(key),
      field: buildField(property, { ...context, depth: context.depth + 1 }),
    })),
    ...common(schema, nullable),
  };
}

function buildField(input: JsonSchema, outer: BuildContext, nullableFromParent = false): FieldModel {
  const expanded = expandRef(input, outer);
  if ('kind' in expanded) return expanded;
  let { schema } = expanded;
  const { context } = expanded;
  if (context.depth > MAX_NESTING) return jsonField(schema, 'It is nested deeply; edit it as JSON.', nullableFromParent);
  const blocking = schema.unsupported?.filter((keyword) => BLOCKING_KEYWORDS.has(keyword)) ?? [];
  if (blocking.length > 0) return jsonField(schema, `The form cannot express ${blocking.join(', ')}; edit it as JSON.`, nullableFromParent);
  if (schema.allOf) {
    const merged = mergeAllOf(schema, context);
    if (!merged) return jsonField(schema, 'It combines several schemas; edit it as JSON.', nullableFromParent);
    schema = merged;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return buildAlternatives(schema, alternatives, context);
  if (schema.not) return jsonField(schema, 'It excludes some values; edit it as JSON.', nullableFromParent);
  const constant = constantOf(schema);
  if (constant && !schema.enum) return { kind: 'enum', options: enumOptions([constant.value]), ...common(schema, nullableFromParent) };
  const types = declaredTypes(schema);
  if (!types) return jsonField(schema, 'Any JSON value is accepted.', nullableFromParent);
  const nullable = nullableFromParent || types.includes('null');
  const concrete = types.filter((type) => type !== 'null' && !(type === 'integer' && types.includes('number')));
  if (concrete.length === 0) return jsonField(schema, 'It only accepts null.', true);
  if (concrete.length === 1 && concrete[0]) return buildTyped(concrete[0], schema, context, nullable);
  if (schema.enum) return { kind: 'enum', options: enumOptions(schema.enum), ...common(schema, nullable) };
  return buildAlternatives(without(schema, 'types'), concrete.map((type) => ({ ...without(schema, 'types'), types: [type] })), context);
}

export function buildFormModel(inputSchema: unknown): FormModel {
  const schema = readSchema(inputSchema);
  const root = buildField(schema, { root: schema, depth: 0, refs: [] });
  if (root.kind === 'object') return { schema, root };
  if (root.kind === 'json') return { schema, root };
  return { schema, root: jsonField(schema, 'The tool does not take an object of named arguments; edit them as JSON.') };
}
