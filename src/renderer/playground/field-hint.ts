/** The short type line next to a field's name ("integer, 1 to 16"), so its rules are visible before a mistake. */
import type { FieldModel } from './form-model';

// Schemas from zod bound integers by the largest safe integer: true, but noise to a reader.
const meaningful = (bound: number | undefined) => (bound !== undefined && Math.abs(bound) < Number.MAX_SAFE_INTEGER ? bound : undefined);

function range(rawMinimum: number | undefined, rawMaximum: number | undefined, unit = ''): string | undefined {
  const minimum = meaningful(rawMinimum);
  const maximum = meaningful(rawMaximum);
  if (minimum !== undefined && maximum !== undefined) return `${minimum} to ${maximum}${unit}`;
  if (minimum !== undefined) return `at least ${minimum}${unit}`;
  if (maximum !== undefined) return `at most ${maximum}${unit}`;
  return undefined;
}

const FORMAT_NAMES: Record<string, string> = {
  url: 'URI',
  email: 'email',
  date: 'date',
  'datetime-local': 'date-time',
  time: 'time',
};

export function fieldHint(field: FieldModel): string {
  const parts: string[] = [];
  switch (field.kind) {
    case 'text': {
      parts.push(FORMAT_NAMES[field.inputType] ?? 'string');
      const length = range(field.minLength, field.maxLength, ' characters');
      if (length) parts.push(length);
      break;
    }
    case 'number': {
      parts.push(field.integer ? 'integer' : 'number');
      const bounds = range(field.minimum, field.maximum);
      if (bounds) parts.push(bounds);
      break;
    }
    case 'boolean':
      parts.push('boolean');
      break;
    case 'enum':
      parts.push(`one of ${field.options.length}`);
      break;
    case 'multi-enum':
      parts.push('any of the choices');
      break;
    case 'array':
      parts.push(field.maxItems === undefined ? 'list' : `list, at most ${field.maxItems}`);
      break;
    case 'object':
      parts.push('object');
      break;
    case 'union':
      parts.push(field.variants.map((variant) => variant.label).join(' or '));
      break;
    case 'json':
      parts.push('JSON');
      break;
  }
  if (field.nullable) parts.push('or null');
  return parts.join(', ');
}
