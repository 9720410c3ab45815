import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { readSchema } from './json-schema';
import { describeProblem, problemsFromEngineErrors, validateValue } from './schema-validation';

function problems(schema: unknown, value: unknown): string[] {
  return validateValue(value, readSchema(schema)).map(describeProblem);
}

describe('validateValue', () => {
  it('accepts what the schema allows', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', minLength: 2 }, n: { type: 'number', maximum: 3 } }, required: ['a'] };
    expect(problems(schema, { a: 'hi', n: 2.5 })).toEqual([]);
  });

  it('names missing required properties and wrong types', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'] };
    expect(problems(schema, { b: 1.5 })).toEqual(['a is required', 'b must be a whole number']);
    expect(problems(schema, [])).toEqual(['The input must be an object']);
  });

  it('checks string length, pattern and formats', () => {
    const schema = {
      type: 'object',
      properties: {
        s: { type: 'string', minLength: 2, maxLength: 3, pattern: '^[a-z]+$' },
        e: { type: 'string', format: 'email' },
        u: { type: 'string', format: 'uri' },
        d: { type: 'string', format: 'date' },
        t: { type: 'string', format: 'date-time' },
      },
    };
    expect(problems(schema, { s: 'ABCD', e: 'nope', u: 'example.com', d: '2024-02-30', t: '2024-05-01 12:00' })).toEqual([
      's must be at most 3 characters long',
      's must match the pattern ^[a-z]+$',
      'e must be an email address such as name@example.com',
      'u must be an absolute URI such as https://example.com/page',
      'd must be a date as YYYY-MM-DD',
      't must be a date and time such as 2024-05-01T12:00:00Z',
    ]);
    expect(problems(schema, { e: 'a@b.co', u: 'https://x.org/a?b', d: '2024-02-29', t: '2024-05-01T12:00:00.5+02:00' })).toEqual([]);
  });

  it('checks number bounds, in both draft styles', () => {
    expect(problems({ type: 'number', minimum: 1, maximum: 16 }, 17)).toEqual(['The input must be 16 or less']);
    expect(problems({ type: 'number', exclusiveMinimum: 0 }, 0)).toEqual(['The input must be more than 0']);
    expect(problems({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0)).toEqual(['The input must be more than 0']);
    expect(problems({ type: 'number', multipleOf: 0.1 }, 0.3)).toEqual([]);
  });

  it('checks lists and their items', () => {
    const schema = { type: 'object', properties: { l: { type: 'array', maxItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } } } };
    expect(problems(schema, { l: ['a', 'a', ''] })).toEqual(['l must have at most 2 items', 'l must not repeat an item', 'l[2] must not be empty']);
  });

  it('checks enums, consts and unknown properties', () => {
    const schema = { type: 'object', properties: { u: { enum: ['c', 'f'] }, k: { const: 1 } }, additionalProperties: false };
    expect(problems(schema, { u: 'k', k: 2, x: true })).toEqual(['u must be one of "c", "f"', 'k must be 1', 'x is not a known argument']);
  });

  it('checks anyOf and oneOf', () => {
    const nullable = { type: 'object', properties: { m: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } };
    expect(problems(nullable, { m: null })).toEqual([]);
    expect(problems(nullable, { m: 'x' })).toEqual(['m must be a whole number or null']);
    expect(problems({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toEqual(['The input matches more than one of the allowed shapes']);
  });

  it('follows $refs, including recursive ones', () => {
    const schema = {
      $ref: '#/definitions/Node',
      definitions: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } }, required: ['name'] } },
    };
    expect(problems(schema, { name: 'root', children: [{ name: 'a' }, { children: [] }] })).toEqual(['children[1].name is required']);
  });

  it('reads a time as the form writes it, and draft-04 exclusive bounds as draft-04 meant them', () => {
    expect(problems({ type: 'string', format: 'time' }, '14:30')).toEqual([]);
    expect(problems({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0.5)).toEqual([]);
    expect(problems({ type: 'number', maximum: 1, exclusiveMaximum: true }, 1)).toEqual(['The input must be less than 1']);
  });

  it('treats a property set to undefined as not given', () => {
    expect(problems({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { a: undefined })).toEqual(['a is required']);
  });

  it("says what is wrong inside the one alternative of the value's type", () => {
    const nullable = { type: 'object', properties: { m: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] } } };
    expect(problems(nullable, { m: 0 })).toEqual(['m must be 1 or more']);
  });

  it('treats a false schema as accepting nothing', () => {
    expect(problems({ type: 'object', properties: { never: false } }, { never: 1 })).toEqual(['never is not allowed here']);
  });
});

describe('problemsFromEngineErrors', () => {
  // The engine's real errors with their English messages removed, as a rewording would leave them.
  function problemsWithoutMessages(schema: Schema, value: unknown): string[] {
    const errors = new Validator(schema, '2020-12', false).validate(value).errors.map((error) => ({ ...error, error: '' }));
    return problemsFromEngineErrors(errors, schema, value).map(describeProblem);
  }

  it('names every missing required property from the schema, not from the message', () => {
    const schema: Schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } }, required: ['a', 'b', 'c'] };
    expect(problemsWithoutMessages(schema, { b: 'x' })).toEqual(['a is required', 'c is required']);
  });

  it('tells a value matching several oneOf alternatives from one matching none, not from the message', () => {
    const schema: Schema = { oneOf: [{ type: 'number' }, { type: 'integer' }, { type: 'string' }] };
    expect(problemsWithoutMessages(schema, 1)).toEqual(['The input matches more than one of the allowed shapes']);
    expect(problemsWithoutMessages(schema, true)).toEqual(['The input must be a number or a whole number or text']);
  });
});
