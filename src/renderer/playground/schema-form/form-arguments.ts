/**
 * Turns what the form holds into the arguments of a call. Empty fields are left out (so the
 * server's own defaults apply); text that cannot become its field's type is reported at that field.
 */
import { fromLocalDateTimeInput } from './date-time-input';
import type { FieldModel, FormModel, ObjectField } from './form-model';
import { readUnionValue, valueFromArgument, isFormRecord, type FormValue } from './form-values';
import { isRecord } from './json-schema';
import { parseJsonText } from './json-text';
import type { ToolArguments } from '../mcp-types';
import { pathKey, validateValue, type ValidationProblem, type ValuePath } from './schema-validation';

type Converted = { present: false } | { present: true; value: unknown };

const ABSENT: Converted = { present: false };
const present = (value: unknown): Converted => ({ present: true, value });

interface FormArguments {
  arguments: ToolArguments;
  /** Conversion problems first (not a number, bad JSON), then what the schema says. */
  problems: ValidationProblem[];
}

class Converter {
  readonly problems: ValidationProblem[] = [];

  convert(field: FieldModel, value: FormValue | undefined, path: ValuePath, required: boolean): Converted {
    if (value === null) return field.nullable ? present(null) : ABSENT;
    switch (field.kind) {
      case 'text':
        return this.text(field.inputType, value, path);
      case 'number':
        return this.number(value, path);
      case 'boolean':
        return typeof value === 'boolean' ? present(value) : ABSENT;
      case 'enum': {
        const option = field.options.find((candidate) => candidate.key === value);
        return option ? present(option.value) : ABSENT;
      }
      case 'multi-enum': {
        const keys = Array.isArray(value) ? value : [];
        const chosen = field.options.filter((option) => keys.includes(option.key)).map((option) => option.value);
        return chosen.length > 0 || required ? present(chosen) : ABSENT;
      }
      case 'array': {
        const items = Array.isArray(value) ? value : [];
        // An item left empty was added but not filled in: it is not sent.
        const converted = items.flatMap((item, index) => {
          const result = this.convert(field.item, item, [...path, index], false);
          return result.present ? [result.value] : [];
        });
        return converted.length > 0 || required ? present(converted) : ABSENT;
      }
      case 'object':
        return this.object(field, value, path, required);
      case 'union': {
        const { variant, value: variantValue } = readUnionValue(value);
        const chosen = field.variants[variant];
        return chosen ? this.convert(chosen.field, variantValue, path, required) : ABSENT;
      }
      case 'json':
        return this.json(value, path);
    }
  }

  object(field: ObjectField, value: FormValue | undefined, path: ValuePath, required: boolean): Converted {
    const record = isFormRecord(value) ? value : {};
    const result: ToolArguments = {};
    for (const property of field.properties) {
      const converted = this.convert(property.field, record[property.key], [...path, property.key], property.required);
      if (converted.present) result[property.key] = converted.value;
    }
    return Object.keys(result).length > 0 || required ? present(result) : ABSENT;
  }

  private text(inputType: string, value: FormValue | undefined, path: ValuePath): Converted {
    if (typeof value !== 'string' || value === '') return ABSENT;
    if (inputType !== 'datetime-local') return present(value);
    const instant = fromLocalDateTimeInput(value);
    if (instant === undefined) {
      this.problems.push({ path, message: 'needs a complete date and time' });
      return ABSENT;
    }
    return present(instant);
  }

  private number(value: FormValue | undefined, path: ValuePath): Converted {
    if (typeof value !== 'string' || value.trim() === '') return ABSENT;
    const number = Number(value);
    if (!Number.isFinite(number)) {
      this.problems.push({ path, message: 'must be a number' });
      return ABSENT;
    }
    return present(number);
  }

  private json(value: FormValue | undefined, path: ValuePath): Converted {
    if (typeof value !== 'string' || value.trim() === '') return ABSENT;
    const parsed = parseJsonText(value);
    if (!parsed.ok) {
      this.problems.push({ path, message: `is not valid JSON: ${parsed.error.message}` });
      return ABSENT;
    }
    return present(parsed.value);
  }
}

/** The call's arguments from the form, with every problem a person should fix before running. */
export function formToArguments(model: FormModel, value: FormValue): FormArguments {
  const converter = new Converter();
  let args: ToolArguments = {};
  if (model.root.kind === 'object') {
    const converted = converter.object(model.root, value, [], true);
    if (converted.present && isRecord(converted.value)) args = converted.value;
  } else {
    const converted = converter.convert(model.root, value, [], true);
    if (converted.present && isRecord(converted.value)) args = converted.value;
    else if (converted.present) converter.problems.push({ path: [], message: 'must be a JSON object' });
  }
  // A field whose text could not be converted would also be reported missing: say it once.
  const converted = new Set(converter.problems.map((problem) => pathKey(problem.path)));
  const schemaProblems = validateValue(args, model.schema).filter((problem) => !converted.has(pathKey(problem.path)));
  return { arguments: args, problems: [...converter.problems, ...schemaProblems] };
}

/** The form value that shows these arguments (loading a past call, or leaving the JSON editor). */
export function argumentsToForm(model: FormModel, args: ToolArguments): FormValue {
  return valueFromArgument(model.root, args);
}

/** Argument names the form has no field for: they would be lost when switching to the form. */
export function argumentsOutsideForm(model: FormModel, args: ToolArguments): string[] {
  if (model.root.kind !== 'object') return [];
  const known = new Set(model.root.properties.map((property) => property.key));
  return Object.keys(args).filter((key) => !known.has(key));
}
