/**
 * What the form holds while someone edits it: plain JSON, so it can be kept in localStorage as is.
 * Each field kind has its own shape: text, number and JSON fields hold the text as typed (so "1." or
 * a half-written object survive), enums hold the chosen option's key, and null means "send null".
 */
import { isRecord, jsonEquals } from './json-schema';
import type { EnumOption, FieldModel, ObjectField, PropertyModel } from './form-model';
import { toLocalDateTimeInput } from './date-time-input';

export type FormValue = string | boolean | null | FormValue[] | { [key: string]: FormValue };
type FormRecord = { [key: string]: FormValue };

/** A union field's value: which variant is chosen and that variant's own value. */
interface UnionValue {
  variant: number;
  value: FormValue;
}

export function isFormRecord(value: FormValue | undefined): value is FormRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readUnionValue(value: FormValue | undefined): UnionValue {
  if (isFormRecord(value) && typeof value.variant === 'string' && value.value !== undefined) {
    const variant = Number(value.variant);
    if (Number.isInteger(variant) && variant >= 0) return { variant, value: value.value };
  }
  return { variant: 0, value: '' };
}

export function unionValue(variant: number, value: FormValue): FormRecord {
  return { variant: String(variant), value };
}

/** The value of a field nobody has touched and that has no default. */
export function emptyValue(field: FieldModel): FormValue {
  switch (field.kind) {
    case 'boolean':
      // Unset until chosen: an optional flag left alone is not sent.
      return '';
    case 'multi-enum':
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(field.properties.map((property) => [property.key, initialPropertyValue(property)]));
    case 'union': {
      const first = field.variants[0];
      return unionValue(0, first ? emptyValue(first.field) : '');
    }
    default:
      return '';
  }
}

/** The value a field starts with: its schema default when it has one. */
export function initialValue(field: FieldModel): FormValue {
  return field.defaultValue === undefined ? emptyValue(field) : valueFromArgument(field, field.defaultValue);
}

/** A required flag is a checkbox, and an unticked checkbox means false rather than "not set". */
export function initialPropertyValue(property: PropertyModel): FormValue {
  const { field, required } = property;
  if (required && field.kind === 'boolean' && field.defaultValue === undefined) return false;
  return initialValue(field);
}

export function initialFormValue(root: FieldModel): FormValue {
  return initialValue(root);
}

function optionKeyFor(options: readonly EnumOption[], argument: unknown): string | undefined {
  return options.find((option) => jsonEquals(option.value, argument))?.key;
}

function textOf(argument: unknown): string {
  return typeof argument === 'string' ? argument : JSON.stringify(argument) ?? '';
}

function variantAccepts(field: FieldModel, argument: unknown): boolean {
  switch (field.kind) {
    case 'text':
      return typeof argument === 'string';
    case 'number':
      return typeof argument === 'number' && (!field.integer || Number.isInteger(argument));
    case 'boolean':
      return typeof argument === 'boolean';
    case 'enum':
      return optionKeyFor(field.options, argument) !== undefined;
    default:
      return false;
  }
}

/**
 * The form value that shows an argument (from history, a default or the JSON editor). Absent
 * arguments give the empty value, not the default: a loaded call must look as it was sent.
 */
export function valueFromArgument(field: FieldModel, argument: unknown): FormValue {
  if (argument === undefined) return emptyValue(field);
  if (argument === null && field.nullable) return null;
  switch (field.kind) {
    case 'text':
      if (field.inputType === 'datetime-local' && typeof argument === 'string') return toLocalDateTimeInput(argument) || argument;
      return textOf(argument);
    case 'number':
      return typeof argument === 'number' ? String(argument) : textOf(argument);
    case 'boolean':
      return typeof argument === 'boolean' ? argument : '';
    case 'enum':
      return optionKeyFor(field.options, argument) ?? '';
    case 'multi-enum':
      return Array.isArray(argument) ? argument.flatMap((item) => optionKeyFor(field.options, item) ?? []) : [];
    case 'array':
      return Array.isArray(argument) ? argument.map((item) => valueFromArgument(field.item, item)) : [];
    case 'object':
      return objectValueFromArgument(field, argument);
    case 'union': {
      const index = Math.max(0, field.variants.findIndex((variant) => variantAccepts(variant.field, argument)));
      const variant = field.variants[index];
      return unionValue(index, variant ? valueFromArgument(variant.field, argument) : '');
    }
    case 'json':
      return JSON.stringify(argument, null, 2);
  }
}

function objectValueFromArgument(field: ObjectField, argument: unknown): FormValue {
  const source = isRecord(argument) ? argument : {};
  return Object.fromEntries(field.properties.map((property) => [property.key, valueFromArgument(property.field, source[property.key])]));
}

/**
 * Makes a stored value fit the field as the schema is now: a tool may have changed since the value
 * was saved, and a part that no longer fits starts over from its initial value.
 */
export function normalizeValue(field: FieldModel, stored: unknown): FormValue {
  if (stored === null) return field.nullable ? null : initialValue(field);
  switch (field.kind) {
    case 'text':
    case 'number':
    case 'json':
      return typeof stored === 'string' ? stored : initialValue(field);
    case 'boolean':
      return typeof stored === 'boolean' || stored === '' ? stored : initialValue(field);
    case 'enum':
      return typeof stored === 'string' && (stored === '' || field.options.some((option) => option.key === stored)) ? stored : initialValue(field);
    case 'multi-enum':
      return Array.isArray(stored)
        ? stored.filter((key): key is string => typeof key === 'string' && field.options.some((option) => option.key === key))
        : initialValue(field);
    case 'array':
      return Array.isArray(stored) ? stored.map((item) => normalizeValue(field.item, item)) : initialValue(field);
    case 'object': {
      if (!isRecord(stored)) return initialValue(field);
      return Object.fromEntries(
        field.properties.map((property) => [
          property.key,
          property.key in stored ? normalizeValue(property.field, stored[property.key]) : initialPropertyValue(property),
        ]),
      );
    }
    case 'union': {
      const variant = isRecord(stored) ? Number(stored.variant) : Number.NaN;
      const chosen = isRecord(stored) && Number.isInteger(variant) ? field.variants[variant] : undefined;
      return chosen && isRecord(stored) ? unionValue(variant, normalizeValue(chosen.field, stored.value)) : initialValue(field);
    }
  }
}
