/** The short type line next to a field's name ("integer, 1 to 16"), so its rules are visible before a mistake. */
import type { FieldModel } from './form-model';

// Schemas from zod bound integers by the largest safe integer: true, but noise to a reader.
const meaningful = (bound: number | undefined) => (bound !== undefined && Math.abs(bound) < Number.MAX_SAFE_INTEGER ? bound : undefined);

interface Bound {
  value: number | undefined;
  /** The bound itself is not allowed. */
  exclusive?: boolean;
}

/** "1 to 16", "at least 1 character", "0 to less than 0.5": a count noun agrees with the number before it. */
function range(lower: Bound, upper: Bound, noun?: { one: string; many: string }): string | undefined {
  const minimum = meaningful(lower.value);
  const maximum = meaningful(upper.value);
  const unit = (last: number) => (noun ? ` ${last === 1 ? noun.one : noun.many}` : '');
  if (minimum !== undefined && maximum !== undefined) {
    const from = lower.exclusive ? `more than ${minimum}` : `${minimum}`;
    const to = upper.exclusive ? `less than ${maximum}` : `${maximum}`;
    return `${from} to ${to}${unit(maximum)}`;
  }
  if (minimum !== undefined) return `${lower.exclusive ? 'more than' : 'at least'} ${minimum}${unit(minimum)}`;
  if (maximum !== undefined) return `${upper.exclusive ? 'less than' : 'at most'} ${maximum}${unit(maximum)}`;
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
      const length = range({ value: field.minLength }, { value: field.maxLength }, { one: 'character', many: 'characters' });
      if (length) parts.push(length);
      break;
    }
    case 'number': {
      parts.push(field.integer ? 'integer' : 'number');
      const bounds = range({ value: field.minimum, exclusive: field.exclusiveMinimum }, { value: field.maximum, exclusive: field.exclusiveMaximum });
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
