/**
 * Checks arguments against a tool's input schema with @cfworker/json-schema (the engine behind the
 * MCP SDK's CfWorkerJsonSchemaValidator, which compiles nothing, so the renderer's
 * Content-Security-Policy allows it), and turns what it reports into sentences a person can act on
 * ("days must be 16 or less"). The SDK's own wrapper is not used because it joins the engine's
 * errors into one string, losing which keyword failed and where.
 */
import { format, Validator, type OutputUnit, type Schema, type SchemaDraft } from '@cfworker/json-schema';
import { declaredTypes, isRecord, jsonTypeOf, readSchema, sourceOf, type JsonSchema, type JsonType } from './json-schema';
import { FORMAT_NAMES, matchesFormat, formatHint } from './string-formats';

export type ValuePath = readonly (string | number)[];

export interface ValidationProblem {
  path: ValuePath;
  /** Reads after the field's name: "must be 16 or less". */
  message: string;
}

const TYPE_NAMES: Record<JsonType, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function describeTypes(types: readonly JsonType[]): string {
  return types.map((type) => TYPE_NAMES[type]).join(' or ');
}

// The formats the form gives their own inputs to are checked the way those inputs write them
// (a time input gives "14:30", without seconds); the engine checks the other formats it knows.
// The engine reads formats only from this shared table (a Validator takes none); the renderer is its only user.
for (const name of FORMAT_NAMES) format[name] = (value: string) => matchesFormat(name, value);

/** Keywords whose error only says that something inside failed; the inner errors say what. */
const WRAPPERS = new Set(['properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'additionalItems', '$ref', '$recursiveRef', 'allOf', 'if', 'dependentSchemas', 'dependencies', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'contains']);

function hasType(value: unknown, type: JsonType): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The dialect the schema declares; draft-04 also by its boolean exclusive bounds, which later drafts read as numbers. */
function draftOf(schema: unknown): SchemaDraft {
  const declared = isRecord(schema) && typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/draft-0[34]/.test(declared)) return '4';
  if (/draft-0[67]/.test(declared)) return '7';
  if (declared.includes('2019-09')) return '2019-09';
  if (declared === '' && /"exclusive(Minimum|Maximum)":(true|false)/.test(JSON.stringify(schema ?? null))) return '4';
  return '2020-12';
}

// The engine refuses undefined; JSON has none, and a property set to undefined is one not given.
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : withoutUndefined(item)));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== undefined).map(([key, child]) => [key, withoutUndefined(child)]));
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function pathOf(instanceLocation: string, instance: unknown): ValuePath {
  const path: (string | number)[] = [];
  let node = instance;
  for (const segment of pointerSegments(instanceLocation)) {
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

/** Turns the engine's flat error list into problems, reading each keyword's schema for the sentence. */
class ProblemReader {
  readonly problems: ValidationProblem[] = [];
  private readonly requiredPlacesRead = new Set<string>();

  constructor(
    private readonly root: unknown,
    private readonly instance: unknown,
  ) {}

  read(errors: readonly OutputUnit[]): void {
    let previous: OutputUnit | undefined;
    for (let index = 0; index < errors.length; index++) {
      const error = errors[index];
      if (!error) break;
      const path = pathOf(error.instanceLocation, this.instance);
      if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
        const inner = this.innerErrors(errors, index);
        this.readAlternatives(error, inner, path);
        index += inner.length;
      } else if (error.keyword === 'false') {
        const additional = previous?.keyword === 'additionalProperties';
        this.problems.push({ path, message: additional ? 'is not a known argument' : 'is not allowed here' });
      } else if (error.keyword === 'required') {
        this.readRequired(error, path);
      } else if (!WRAPPERS.has(error.keyword)) {
        this.problems.push({ path, message: this.sentence(error) });
      }
      previous = error;
    }
  }

  /**
   * The engine reports each missing property as its own "required" error at the same place; the
   * schema's list minus the keys the value has names them all, so the first of them says it all.
   */
  private readRequired(error: OutputUnit, path: ValuePath): void {
    const place = `${error.keywordLocation} ${error.instanceLocation}`;
    if (this.requiredPlacesRead.has(place)) return;
    this.requiredPlacesRead.add(place);
    const raw = this.rawAt(error.keywordLocation);
    const required = isRecord(raw) && Array.isArray(raw.required) ? raw.required.filter((key): key is string => typeof key === 'string') : [];
    const value = valueAt(this.instance, path);
    const missing = required.filter((key) => !(isRecord(value) && Object.hasOwn(value, key)));
    if (missing.length === 0) this.problems.push({ path, message: 'lacks a required property' });
    for (const key of missing) this.problems.push({ path: [...path, key], message: 'is required' });
  }

  /** The errors reported inside an anyOf or oneOf, which follow it in the list. */
  private innerErrors(errors: readonly OutputUnit[], index: number): OutputUnit[] {
    const prefix = `${errors[index]?.keywordLocation}/`;
    const after = errors.slice(index + 1);
    const end = after.findIndex((next) => !next.keywordLocation.startsWith(prefix));
    return end === -1 ? after : after.slice(0, end);
  }

  /**
   * When only one alternative has the value's type ("an integer or null" given 0 with minimum 1),
   * its own problems say more than "matches none"; otherwise name the types that would do.
   */
  private readAlternatives(error: OutputUnit, inner: readonly OutputUnit[], path: ValuePath): void {
    if (this.matchingAlternatives(error, inner) > 1) {
      this.problems.push({ path, message: 'matches more than one of the allowed shapes' });
      return;
    }
    const variants = this.schemaAt(error.keywordLocation)?.[error.keyword as 'anyOf' | 'oneOf'] ?? [];
    const value = valueAt(this.instance, path);
    const types = variants.map(declaredTypes);
    const sameType = variants.map((_variant, index) => index).filter((index) => types[index]?.some((type) => hasType(value, type)) ?? true);
    if (sameType.length === 1) {
      this.read(inner.filter((unit) => unit.keywordLocation.startsWith(`${error.keywordLocation}/${sameType[0]}/`)));
      return;
    }
    const message = variants.length > 0 && types.every((list) => list !== undefined)
      ? `must be ${describeTypes([...new Set(types.flat())])}`
      : 'does not match any of the allowed shapes';
    this.problems.push({ path, message });
  }

  /** An alternative matched when the engine reported nothing inside it; a `false` one never matches. */
  private matchingAlternatives(error: OutputUnit, inner: readonly OutputUnit[]): number {
    const raw = this.rawAt(error.keywordLocation);
    const alternatives: unknown = isRecord(raw) ? raw[error.keyword] : undefined;
    if (!Array.isArray(alternatives)) return 0;
    return alternatives.filter((alternative, index) => {
      const prefix = `${error.keywordLocation}/${index}/`;
      return alternative !== false && !inner.some((unit) => unit.keywordLocation.startsWith(prefix));
    }).length;
  }

  private sentence(error: OutputUnit): string {
    const schema = this.schemaAt(error.keywordLocation) ?? {};
    const raw = this.rawAt(error.keywordLocation);
    switch (error.keyword) {
      case 'type':
        return `must be ${describeTypes(schema.types ?? [])}`;
      case 'const':
        return `must be ${quote(schema.const)}`;
      case 'enum':
        return `must be one of ${(schema.enum ?? []).map(quote).join(', ')}`;
      case 'minLength':
        return schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters long`;
      case 'maxLength':
        return `must be at most ${schema.maxLength} characters long`;
      case 'pattern':
        return `must match the pattern ${schema.pattern}`;
      case 'format':
        return `must be ${formatHint(schema.format ?? '')}`;
      case 'minimum':
        return isRecord(raw) && raw.exclusiveMinimum === true ? `must be more than ${schema.minimum}` : `must be ${schema.minimum} or more`;
      case 'maximum':
        return isRecord(raw) && raw.exclusiveMaximum === true ? `must be less than ${schema.maximum}` : `must be ${schema.maximum} or less`;
      case 'exclusiveMinimum':
        return `must be more than ${schema.exclusiveMinimum}`;
      case 'exclusiveMaximum':
        return `must be less than ${schema.exclusiveMaximum}`;
      case 'multipleOf':
        return `must be a multiple of ${schema.multipleOf}`;
      case 'minItems':
        return `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`;
      case 'maxItems':
        return `must have at most ${schema.maxItems} items`;
      case 'uniqueItems':
        return 'must not repeat an item';
      case 'not':
        return 'is not allowed here';
      default:
        return `does not meet the schema's "${error.keyword}" rule`;
    }
  }

  /** The schema object that holds the keyword at `keywordLocation`. */
  private rawAt(keywordLocation: string): unknown {
    return this.nodeAt(pointerSegments(keywordLocation).slice(0, -1));
  }

  private schemaAt(keywordLocation: string): JsonSchema | undefined {
    const node = this.rawAt(keywordLocation);
    return node === undefined ? undefined : readSchema(node);
  }

  /** Walks the schema document; a `$ref` step (as the engine writes locations) follows a local reference. */
  private nodeAt(segments: readonly string[]): unknown {
    let node: unknown = this.root;
    for (const segment of segments) {
      if (segment === '$ref' && isRecord(node) && typeof node.$ref === 'string') {
        node = node.$ref.startsWith('#') ? this.nodeAt(pointerSegments(node.$ref)) : undefined;
      } else {
        node = isRecord(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
      }
    }
    return node;
  }
}

function valueAt(instance: unknown, path: ValuePath): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined), instance);
}

/** A value of the wrong type gets only that said: its schema's other rules were written for the right type. */
function withoutRulesOfWrongType(errors: readonly OutputUnit[]): OutputUnit[] {
  const wrongType = errors.filter((error) => error.keyword === 'type').map((error) => ({ error, schema: error.keywordLocation.replace(/\/type$/, '/'), at: error.instanceLocation }));
  return errors.filter(
    (error) => !wrongType.some(({ error: typeError, schema, at }) => error !== typeError && error.keywordLocation.startsWith(schema) && (error.instanceLocation === at || error.instanceLocation.startsWith(`${at}/`))),
  );
}

/** A place's own problems first, then those of what it holds, in the order they were found. */
function ownProblemsFirst(problems: readonly ValidationProblem[], depth = 0): ValidationProblem[] {
  const own = problems.filter((problem) => problem.path.length === depth);
  const children = new Map<string | number | undefined, ValidationProblem[]>();
  for (const problem of problems) {
    if (problem.path.length === depth) continue;
    const key = problem.path[depth];
    children.set(key, [...(children.get(key) ?? []), problem]);
  }
  return [...own, ...[...children.values()].flatMap((group) => ownProblemsFirst(group, depth + 1))];
}

const validators = new WeakMap<object, Validator>();

function validatorFor(source: unknown): Validator {
  const schema = source === false ? false : isRecord(source) ? source : true;
  if (typeof schema === 'boolean') return new Validator(schema);
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(schema as Schema, draftOf(schema), false);
    validators.set(schema, validator);
  }
  return validator;
}

/** Every problem with `value` against `schema` (a schema read with readSchema). */
export function validateValue(value: unknown, schema: JsonSchema): ValidationProblem[] {
  const source = sourceOf(schema);
  const instance = withoutUndefined(value);
  let errors: readonly OutputUnit[];
  try {
    errors = validatorFor(source).validate(instance).errors;
  } catch {
    // A pattern this browser cannot compile or a $ref that leads nowhere: the server still checks.
    return [];
  }
  return problemsFromEngineErrors(errors, source, instance);
}

/**
 * Reads the engine's errors by keyword and location alone, never by their English messages, so a
 * rewording in the engine cannot change a sentence.
 */
export function problemsFromEngineErrors(errors: readonly OutputUnit[], schema: unknown, instance: unknown): ValidationProblem[] {
  const reader = new ProblemReader(schema, instance);
  reader.read(withoutRulesOfWrongType(errors));
  return ownProblemsFirst(reader.problems);
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
