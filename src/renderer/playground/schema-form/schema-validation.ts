/**
 * Validates arguments against the JSON Schema subset of json-schema.ts, with messages a person can
 * act on ("days must be 16 or less"). Written here rather than using Ajv because Ajv compiles
 * validators with `new Function`, which the renderer's Content-Security-Policy forbids.
 */
import { declaredTypes, isRecord, jsonEquals, jsonTypeOf, resolveRef, type JsonSchema, type JsonType } from './json-schema';
import { matchesFormat, formatHint } from './string-formats';

export type ValuePath = readonly (string | number)[];

export interface ValidationProblem {
  path: ValuePath;
  /** Reads after the field's name: "must be 16 or less". */
  message: string;
}

// A $ref cycle over the same value would otherwise never end.
const MAX_DEPTH = 64;

const TYPE_NAMES: Record<JsonType, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

export function describeTypes(types: readonly JsonType[]): string {
  return types.map((type) => TYPE_NAMES[type]).join(' or ');
}

function hasType(value: unknown, type: JsonType): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}

class Validator {
  readonly problems: ValidationProblem[] = [];

  constructor(private readonly root: JsonSchema) {}

  check(value: unknown, schema: JsonSchema, path: ValuePath, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const report = (message: string, at: ValuePath = path) => this.problems.push({ path: at, message });
    if (schema.ref !== undefined) {
      const target = resolveRef(this.root, schema.ref);
      if (target) this.check(value, target, path, depth + 1);
    }
    const types = schema.types;
    if (types && !types.some((type) => hasType(value, type))) {
      report(`must be ${describeTypes(types)}`);
      return;
    }
    if (schema.hasConst && !jsonEquals(value, schema.const)) report(`must be ${quote(schema.const)}`);
    if (schema.enum && !schema.enum.some((option) => jsonEquals(option, value))) {
      report(`must be one of ${schema.enum.map(quote).join(', ')}`);
    }
    if (typeof value === 'string') this.checkString(value, schema, report);
    if (typeof value === 'number') this.checkNumber(value, schema, report);
    if (Array.isArray(value)) this.checkArray(value, schema, path, depth);
    if (isRecord(value)) this.checkObject(value, schema, path, depth);
    this.checkCombinators(value, schema, path, depth, report);
  }

  private checkString(value: string, schema: JsonSchema, report: (message: string) => void): void {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      report(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters long`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) report(`must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && compilePattern(schema.pattern)?.test(value) === false) {
      report(`must match the pattern ${schema.pattern}`);
    }
    if (schema.format !== undefined && !matchesFormat(schema.format, value)) report(`must be ${formatHint(schema.format)}`);
  }

  private checkNumber(value: number, schema: JsonSchema, report: (message: string) => void): void {
    if (schema.minimum !== undefined && value < schema.minimum) report(`must be ${schema.minimum} or more`);
    if (schema.maximum !== undefined && value > schema.maximum) report(`must be ${schema.maximum} or less`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) report(`must be more than ${schema.exclusiveMinimum}`);
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) report(`must be less than ${schema.exclusiveMaximum}`);
    if (schema.multipleOf !== undefined && schema.multipleOf > 0) {
      const quotient = value / schema.multipleOf;
      // Floating point: 0.3 / 0.1 is 2.9999999999999996, which is still a multiple.
      if (Math.abs(quotient - Math.round(quotient)) > 1e-9) report(`must be a multiple of ${schema.multipleOf}`);
    }
  }

  private checkArray(value: unknown[], schema: JsonSchema, path: ValuePath, depth: number): void {
    const report = (message: string) => this.problems.push({ path, message });
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      report(`must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) report(`must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems && value.some((item, index) => value.findIndex((other) => jsonEquals(other, item)) !== index)) {
      report('must not repeat an item');
    }
    value.forEach((item, index) => {
      const itemSchema = schema.tupleItems?.[index] ?? (schema.tupleItems && index >= schema.tupleItems.length ? undefined : schema.items);
      if (itemSchema) this.check(item, itemSchema, [...path, index], depth + 1);
    });
  }

  private checkObject(value: Record<string, unknown>, schema: JsonSchema, path: ValuePath, depth: number): void {
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) this.problems.push({ path: [...path, key], message: 'is required' });
    }
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const propertySchema = schema.properties?.[key];
      if (propertySchema) this.check(child, propertySchema, [...path, key], depth + 1);
      else if (schema.additionalProperties === false) this.problems.push({ path: [...path, key], message: 'is not a known argument' });
      else if (isRecord(schema.additionalProperties)) this.check(child, schema.additionalProperties, [...path, key], depth + 1);
    }
  }

  private checkCombinators(value: unknown, schema: JsonSchema, path: ValuePath, depth: number, report: (message: string) => void): void {
    for (const part of schema.allOf ?? []) this.check(value, part, path, depth + 1);
    if (schema.anyOf && schema.anyOf.length > 0) {
      const matching = schema.anyOf.filter((variant) => this.matches(value, variant, depth)).length;
      if (matching === 0) this.reportNoVariant(value, schema.anyOf, path, depth);
    }
    if (schema.oneOf && schema.oneOf.length > 0) {
      const matching = schema.oneOf.filter((variant) => this.matches(value, variant, depth)).length;
      if (matching === 0) this.reportNoVariant(value, schema.oneOf, path, depth);
      if (matching > 1) report('matches more than one of the allowed shapes');
    }
    if (schema.not && this.matches(value, schema.not, depth)) report('is not allowed here');
  }

  private matches(value: unknown, schema: JsonSchema, depth: number): boolean {
    const probe = new Validator(this.root);
    probe.check(value, schema, [], depth + 1);
    return probe.problems.length === 0;
  }

  /**
   * When only one alternative has the value's type ("an integer or null" given 0 with minimum 1),
   * its own problems say more than "matches none"; otherwise name the types that would do.
   */
  private reportNoVariant(value: unknown, variants: readonly JsonSchema[], path: ValuePath, depth: number): void {
    const types = variants.map(declaredTypes);
    const sameType = variants.filter((_variant, index) => types[index]?.some((type) => hasType(value, type)) ?? true);
    if (sameType.length === 1 && sameType[0]) {
      this.check(value, sameType[0], path, depth + 1);
      return;
    }
    const message = types.every((list) => list !== undefined)
      ? `must be ${describeTypes([...new Set(types.flat())])}`
      : 'does not match any of the allowed shapes';
    this.problems.push({ path, message });
  }
}

/** Every problem with `value` against `schema`; `root` resolves `$ref`s (defaults to the schema). */
export function validateValue(value: unknown, schema: JsonSchema, root: JsonSchema = schema): ValidationProblem[] {
  const validator = new Validator(root);
  validator.check(value, schema, [], 0);
  return validator.problems;
}

/** "place.lat", "labels[2]": how a problem's place reads in a sentence. */
export function formatPath(path: ValuePath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

/** A stable key for a path, so form fields can find their own problems. */
export function pathKey(path: ValuePath): string {
  return JSON.stringify(path);
}

export function describeProblem(problem: ValidationProblem): string {
  const where = formatPath(problem.path);
  return where === '' ? `The input ${problem.message}` : `${where} ${problem.message}`;
}
