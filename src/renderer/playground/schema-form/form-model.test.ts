import { describe, expect, it } from 'vitest';
import { fieldHint } from './field-hint';
import { buildFormModel, type FieldModel, type ObjectField } from './form-model';

function rootOf(schema: unknown): ObjectField {
  const model = buildFormModel(schema);
  if (model.root.kind !== 'object') throw new Error(`expected an object form, got ${model.root.kind}`);
  return model.root;
}

function field(schema: unknown, key: string): FieldModel {
  const property = rootOf(schema).properties.find((candidate) => candidate.key === key);
  if (!property) throw new Error(`no field ${key}`);
  return property.field;
}

const weather = {
  type: 'object',
  properties: {
    location: { type: 'string', minLength: 2, maxLength: 200, description: 'A city name' },
    units: { default: 'celsius', type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 16, default: 7 },
  },
  required: ['location'],
  $schema: 'http://json-schema.org/draft-07/schema#',
};

describe('buildFormModel', () => {
  it('makes one field per property, marking required ones and keeping descriptions and defaults', () => {
    const root = rootOf(weather);
    expect(root.properties.map((property) => [property.key, property.required, property.field.kind])).toEqual([
      ['location', true, 'text'],
      ['units', false, 'enum'],
      ['days', false, 'number'],
    ]);
    expect(root.properties[0]?.field.description).toBe('A city name');
    expect(root.properties[1]?.field.defaultValue).toBe('celsius');
  });

  it('gives integers their bounds and strings their format input type', () => {
    expect(field(weather, 'days')).toMatchObject({ kind: 'number', integer: true, minimum: 1, maximum: 16 });
    const formats = { type: 'object', properties: { a: { type: 'string', format: 'uri' }, b: { type: 'string', format: 'email' }, c: { type: 'string', format: 'date' }, d: { type: 'string', format: 'date-time' } } };
    expect(['a', 'b', 'c', 'd'].map((key) => (field(formats, key) as { inputType: string }).inputType)).toEqual(['url', 'email', 'date', 'datetime-local']);
  });

  it('uses a text area for long text', () => {
    expect(field({ type: 'object', properties: { body: { type: 'string', maxLength: 65536 } } }, 'body')).toMatchObject({ multiline: true });
  });

  it('turns arrays of enums into a multi-select and other arrays into item lists', () => {
    const schema = {
      type: 'object',
      properties: {
        days: { type: 'array', items: { type: 'string', enum: ['mon', 'tue'] } },
        labels: { type: 'array', maxItems: 3, items: { type: 'string', minLength: 1 } },
      },
    };
    expect(field(schema, 'days')).toMatchObject({ kind: 'multi-enum', options: [{ value: 'mon' }, { value: 'tue' }] });
    expect(field(schema, 'labels')).toMatchObject({ kind: 'array', maxItems: 3, item: { kind: 'text' } });
  });

  it('nests objects and follows local $refs', () => {
    const schema = {
      type: 'object',
      properties: { place: { $ref: '#/$defs/Place', description: 'Where' } },
      $defs: { Place: { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } }, required: ['lat'] } },
    };
    expect(field(schema, 'place')).toMatchObject({
      kind: 'object',
      description: 'Where',
      properties: [{ key: 'lat', required: true, field: { kind: 'number', integer: false } }, { key: 'lon', required: false }],
    });
  });

  it('treats "X or null" as a nullable X', () => {
    const schema = { type: 'object', properties: { milestone: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }], description: 'or null' } } };
    expect(field(schema, 'milestone')).toMatchObject({ kind: 'number', integer: true, nullable: true, minimum: 1, description: 'or null' });
    expect(field({ type: 'object', properties: { a: { type: ['string', 'null'] } } }, 'a')).toMatchObject({ kind: 'text', nullable: true });
  });

  it('offers a choice of type for unions of simple types', () => {
    const schema = { type: 'object', properties: { id: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, flag: { type: ['boolean', 'number'] } } };
    expect(field(schema, 'id')).toMatchObject({ kind: 'union', variants: [{ label: 'string', field: { kind: 'text' } }, { label: 'integer', field: { kind: 'number' } }] });
    expect(field(schema, 'flag')).toMatchObject({ kind: 'union', variants: [{ field: { kind: 'boolean' } }, { field: { kind: 'number' } }] });
  });

  it('turns a oneOf of titled constants into a select', () => {
    const schema = { type: 'object', properties: { size: { oneOf: [{ const: 's', title: 'Small' }, { const: 'l', title: 'Large' }] } } };
    expect(field(schema, 'size')).toMatchObject({ kind: 'enum', options: [{ value: 's', label: 'Small (s)' }, { value: 'l', label: 'Large (l)' }] });
  });

  it('falls back to JSON for the parts it cannot edit, and only for those', () => {
    const schema = {
      type: 'object',
      properties: {
        free: { type: 'object', additionalProperties: { type: 'string' } },
        anything: {},
        tuple: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
        mixed: { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'string' } } }] },
        conditional: { type: 'object', properties: { a: { type: 'string' } }, if: { required: ['a'] }, then: { required: ['b'] } },
        fine: { type: 'string' },
      },
    };
    const kinds = rootOf(schema).properties.map((property) => [property.key, property.field.kind]);
    expect(kinds).toEqual([
      ['free', 'json'],
      ['anything', 'json'],
      ['tuple', 'json'],
      ['mixed', 'json'],
      ['conditional', 'json'],
      ['fine', 'text'],
    ]);
  });

  it('stops at recursive references', () => {
    const schema = {
      type: 'object',
      properties: { tree: { $ref: '#/definitions/Node' } },
      definitions: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } } } },
    };
    expect(field(schema, 'tree')).toMatchObject({ kind: 'object', properties: [{ key: 'name' }, { key: 'children', field: { kind: 'json' } }] });
  });

  it('merges allOf parts that are objects', () => {
    const schema = { type: 'object', properties: { both: { allOf: [{ properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'number' } } }] } } };
    expect(field(schema, 'both')).toMatchObject({ kind: 'object', properties: [{ key: 'a', required: true }, { key: 'b', required: false }] });
  });

  it('gives a tool without arguments an empty form, and a non-object input a JSON editor', () => {
    expect(rootOf({ type: 'object', properties: {} }).properties).toEqual([]);
    expect(rootOf({ type: 'object' }).properties).toEqual([]);
    expect(buildFormModel({ type: 'array' }).root.kind).toBe('json');
  });
});

describe('fieldHint', () => {
  it('says the type and its limits, leaving out the safe-integer bound zod adds', () => {
    const schema = {
      type: 'object',
      properties: {
        days: { type: 'integer', minimum: 1, maximum: 16 },
        number: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
        name: { type: 'string', minLength: 2, maxLength: 200 },
        milestone: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      },
    };
    expect(['days', 'number', 'name', 'milestone'].map((key) => fieldHint(field(schema, key)))).toEqual([
      'integer, 1 to 16',
      'integer, at least 1',
      'string, 2 to 200 characters',
      'integer, or null',
    ]);
  });

  it('counts characters in the singular for one, and shows exclusive bounds as such', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 1 },
        code: { type: 'string', maxLength: 1 },
        ratio: { type: 'number', minimum: 0, exclusiveMaximum: 0.5 },
        positive: { type: 'number', exclusiveMinimum: 0 },
        open: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        below: { type: 'number', exclusiveMaximum: 10 },
      },
    };
    expect(['title', 'code', 'ratio', 'positive', 'open', 'below'].map((key) => fieldHint(field(schema, key)))).toEqual([
      'string, at least 1 character',
      'string, at most 1 character',
      'number, 0 to less than 0.5',
      'number, more than 0',
      'number, more than 0 to less than 1',
      'number, less than 10',
    ]);
  });
});
