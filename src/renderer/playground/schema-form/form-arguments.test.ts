import { describe, expect, it } from 'vitest';
import { argumentsOutsideForm, argumentsToForm, formToArguments } from './form-arguments';
import { buildFormModel } from './form-model';
import { initialFormValue, normalizeValue, type FormValue } from './form-values';
import { formatPath } from './schema-validation';

const issueSchema = {
  type: 'object',
  properties: {
    owner: { type: 'string' },
    repo: { type: 'string' },
    number: { type: 'integer', minimum: 1 },
    state: { type: 'string', enum: ['open', 'closed'] },
    labels: { type: 'array', items: { type: 'string', minLength: 1 } },
    weekdays: { type: 'array', items: { enum: ['mon', 'tue', 'wed'] } },
    milestone: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
    draft: { type: 'boolean' },
    place: { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } }, required: ['lat', 'lon'] },
    extra: { type: 'object', additionalProperties: true },
    due: { type: 'string', format: 'date-time' },
    id: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  },
  required: ['owner', 'repo', 'number'],
};
const model = buildFormModel(issueSchema);

function problemsOf(value: FormValue): string[] {
  return formToArguments(model, value).problems.map((problem) => `${formatPath(problem.path)} ${problem.message}`);
}

describe('initialFormValue', () => {
  it('prefills defaults and leaves the rest empty', () => {
    const weather = buildFormModel({
      type: 'object',
      properties: { location: { type: 'string' }, units: { type: 'string', enum: ['celsius', 'fahrenheit'], default: 'celsius' }, days: { type: 'integer', default: 7 } },
    });
    const value = initialFormValue(weather.root);
    expect(value).toEqual({ location: '', units: '"celsius"', days: '7' });
    expect(formToArguments(weather, value).arguments).toEqual({ units: 'celsius', days: 7 });
  });
});

describe('formToArguments', () => {
  it('leaves out empty optional fields and reports empty required ones', () => {
    const value = initialFormValue(model.root);
    const { arguments: args } = formToArguments(model, value);
    expect(args).toEqual({});
    expect(problemsOf(value)).toEqual(['owner is required', 'repo is required', 'number is required']);
  });

  it('converts every kind of field to its JSON type', () => {
    const value: FormValue = {
      owner: 'octocat',
      repo: 'hello',
      number: '42',
      state: '"closed"',
      labels: ['bug', '', 'ui'],
      weekdays: ['"tue"', '"mon"'],
      milestone: null,
      draft: false,
      place: { lat: '52.5', lon: '13.4' },
      extra: '{"a": [1, 2]}',
      due: '',
      id: { variant: '1', value: '7' },
    };
    const result = formToArguments(model, value);
    expect(result.problems).toEqual([]);
    expect(result.arguments).toEqual({
      owner: 'octocat',
      repo: 'hello',
      number: 42,
      state: 'closed',
      labels: ['bug', 'ui'],
      weekdays: ['mon', 'tue'],
      milestone: null,
      draft: false,
      place: { lat: 52.5, lon: 13.4 },
      extra: { a: [1, 2] },
      id: 7,
    });
  });

  it('reports text that cannot become its type at its field, once', () => {
    const value = { ...(initialFormValue(model.root) as Record<string, FormValue>), owner: 'o', repo: 'r', number: 'abc', extra: '{"a": }', place: { lat: '1', lon: '' } };
    expect(problemsOf(value)).toEqual([
      'number must be a number',
      'extra is not valid JSON: expected a value at line 1, column 7',
      'place.lon is required',
    ]);
  });

  it('applies the schema: bounds, integers, item rules', () => {
    const value = { ...(initialFormValue(model.root) as Record<string, FormValue>), owner: 'o', repo: 'r', number: '0.5', labels: ['ok', 'x'], milestone: '0' };
    expect(problemsOf(value)).toEqual(['number must be a whole number', 'milestone must be 1 or more']);
  });

  it('sends a date-time as an instant', () => {
    const value = { ...(initialFormValue(model.root) as Record<string, FormValue>), owner: 'o', repo: 'r', number: '1', due: '2024-05-01T12:30' };
    const due = formToArguments(model, value).arguments.due;
    expect(typeof due).toBe('string');
    expect(new Date(due as string).getTime()).toBe(new Date('2024-05-01T12:30').getTime());
  });
});

describe('argumentsToForm', () => {
  it('round-trips arguments through the form', () => {
    const args = {
      owner: 'octocat',
      repo: 'hello',
      number: 42,
      state: 'open',
      labels: ['bug'],
      weekdays: ['wed'],
      milestone: 3,
      draft: true,
      place: { lat: 1.5, lon: -2 },
      extra: { nested: { ok: true } },
      due: '2024-05-01T10:00:00Z',
      id: 'abc',
    };
    const value = argumentsToForm(model, args);
    expect(formToArguments(model, value)).toEqual({ arguments: args, problems: [] });
  });

  it('names arguments the form has no field for', () => {
    expect(argumentsOutsideForm(model, { owner: 'a', surprise: 1 })).toEqual(['surprise']);
  });
});

describe('normalizeValue', () => {
  it('keeps stored values that still fit and resets the parts that no longer do', () => {
    const stored = { owner: 'kept', repo: 42, number: '7', state: '"archived"', labels: ['a'], weekdays: ['"mon"', '"sun"'], draft: 'yes', unknown: 'dropped' };
    const value = normalizeValue(model.root, stored) as Record<string, FormValue>;
    expect(value.owner).toBe('kept');
    expect(value.repo).toBe('');
    expect(value.number).toBe('7');
    expect(value.state).toBe('');
    expect(value.weekdays).toEqual(['"mon"']);
    expect(value.draft).toBe('');
    expect('unknown' in value).toBe(false);
  });

  it('starts over when the stored value is not an object', () => {
    expect(normalizeValue(model.root, 'garbage')).toEqual(initialFormValue(model.root));
  });
});
