import { describe, expect, it } from 'vitest';
import { buildFormModel } from '../schema-form/form-model';
import { initialToolInput, loadArguments, prepareCall, switchMode, type ToolInput } from './input-mode';

const model = buildFormModel({
  type: 'object',
  properties: { location: { type: 'string', minLength: 2 }, units: { type: 'string', enum: ['celsius', 'fahrenheit'], default: 'celsius' } },
  required: ['location'],
});

function switched(input: ToolInput, mode: 'form' | 'json'): ToolInput {
  const result = switchMode(model, input, mode);
  if ('error' in result) throw new Error(result.error);
  return result.input;
}

describe('prepareCall', () => {
  it('refuses to run an invalid form', () => {
    const prepared = prepareCall(model, initialToolInput(model));
    expect(prepared).toMatchObject({ arguments: { units: 'celsius' }, blocking: true });
    expect(prepared.problems.map((problem) => problem.message)).toEqual(['is required']);
  });

  it('runs a valid form', () => {
    const input = { ...initialToolInput(model), formValue: { location: 'Berlin', units: '"fahrenheit"' } };
    expect(prepareCall(model, input)).toEqual({ arguments: { location: 'Berlin', units: 'fahrenheit' }, problems: [], parseError: null, blocking: false });
  });

  it('in JSON mode blocks only on syntax and non-objects; schema problems are warnings', () => {
    const json = (jsonText: string) => prepareCall(model, { mode: 'json', formValue: {}, jsonText });
    expect(json('{"location": ')).toMatchObject({ blocking: true, arguments: null, parseError: { line: 1 } });
    expect(json('[1]')).toMatchObject({ blocking: true, problems: [{ message: 'must be a JSON object of named arguments' }] });
    const warned = json('{"location": "B", "units": "kelvin"}');
    expect(warned.blocking).toBe(false);
    expect(warned.problems.map((problem) => problem.message)).toEqual(['must be at least 2 characters long', 'must be one of "celsius", "fahrenheit"']);
  });
});

describe('switchMode', () => {
  it('carries the arguments between the form and JSON', () => {
    const form = { ...initialToolInput(model), formValue: { location: 'Paris', units: '"celsius"' } };
    const json = switched(form, 'json');
    expect(JSON.parse(json.jsonText)).toEqual({ location: 'Paris', units: 'celsius' });
    const back = switched({ ...json, jsonText: '{"location": "Rome"}' }, 'form');
    expect(back.formValue).toEqual({ location: 'Rome', units: '' });
  });

  it('stays in JSON when the text does not parse or has arguments the form cannot show', () => {
    const json: ToolInput = { mode: 'json', formValue: {}, jsonText: '{"location": "Rome",}' };
    expect(switchMode(model, json, 'form')).toEqual({ error: expect.stringContaining('Fix the JSON first') });
    expect(switchMode(model, { ...json, jsonText: '{"location": "Rome", "extra": 1}' }, 'form')).toEqual({
      error: 'The form has no field for extra; remove it from the JSON or stay in JSON mode.',
    });
  });
});

describe('loadArguments', () => {
  it('fills both the form and the JSON, switching to JSON only when the form cannot show them', () => {
    const input = initialToolInput(model);
    expect(loadArguments(model, input, { location: 'Oslo' })).toMatchObject({ mode: 'form', formValue: { location: 'Oslo', units: '' } });
    expect(loadArguments(model, input, { location: 'Oslo', extra: true })).toMatchObject({ mode: 'json' });
  });
});
