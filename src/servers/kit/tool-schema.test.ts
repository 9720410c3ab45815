import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { toolSchema } from './tool-schema';

const TARGET = { target: 'draft-2020-12' } as const;

describe('toolSchema', () => {
  const schema = toolSchema('test-city.input', { city: z.string().trim().describe('A city'), days: z.number().default(7) });

  it('converts to JSON Schema once per direction and hands out that same, frozen answer', () => {
    const input = schema['~standard'].jsonSchema.input(TARGET);
    expect(schema['~standard'].jsonSchema.input(TARGET)).toBe(input);
    expect(input).toEqual(z.toJSONSchema(z.object(schema.shape), { target: TARGET.target, io: 'input' }));
    expect(Object.isFrozen(input)).toBe(true);
    expect(Object.isFrozen((input.properties as Record<string, object>).city)).toBe(true);
    const output = schema['~standard'].jsonSchema.output(TARGET);
    expect(output).not.toBe(input);
    expect(output.required).toEqual(['city', 'days']);
  });

  it('keeps a conversion per target', () => {
    const draft7 = schema['~standard'].jsonSchema.input({ target: 'draft-07' });
    expect(draft7.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['~standard'].jsonSchema.input({ target: 'draft-07' })).toBe(draft7);
  });

  it('still validates with zod', async () => {
    expect(await schema['~standard'].validate({ city: ' Paris ' })).toEqual({ value: { city: 'Paris', days: 7 } });
    expect(schema.safeParse({ city: 3 }).success).toBe(false);
  });
});
