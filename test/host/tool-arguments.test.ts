import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/host/cli-errors';
import { parseJsonArguments, parseKeyValueArguments } from '../../src/host/tool-arguments';

describe('tool arguments from the command line', () => {
  it('reads values as JSON when they parse, as text otherwise', () => {
    expect(parseKeyValueArguments(['n=3', 'f=1.5', 'yes=true', 'no=false', 'nothing=null', 'list=[1,"a"]', 'obj={"k":1}', 'word=Berlin', 'empty=', 'spaced=New York'])).toEqual({
      n: 3,
      f: 1.5,
      yes: true,
      no: false,
      nothing: null,
      list: [1, 'a'],
      obj: { k: 1 },
      word: 'Berlin',
      empty: '',
      spaced: 'New York',
    });
  });

  it('keeps the first = as the separator', () => {
    expect(parseKeyValueArguments(['query=a=b'])).toEqual({ query: 'a=b' });
  });

  it('keeps text as typed where the input schema says string', () => {
    const schema = { type: 'object', properties: { zip: { type: 'string' }, count: { type: 'number' }, place: { type: 'object', properties: { code: { type: ['string', 'null'] } } } } };
    expect(parseKeyValueArguments(['zip=02134', 'count=7', 'place.code=123'], schema)).toEqual({ zip: '02134', count: 7, place: { code: '123' } });
    expect(parseKeyValueArguments(['zip=true'], schema)).toEqual({ zip: 'true' });
  });

  it('coerces values inside arrays and objects by their schema, so text stays text at any depth', () => {
    const schema = {
      type: 'object',
      properties: {
        ids: { type: 'array', items: { type: 'string' } },
        counts: { type: 'array', items: { type: 'integer' } },
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
        filter: {
          type: 'object',
          properties: { labels: { type: 'array', items: { type: 'string' } }, state: { enum: ['open', 'closed'] }, limit: { type: 'number' } },
          additionalProperties: { type: 'string' },
        },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        maybe: { type: ['string', 'null'] },
      },
    };
    expect(
      parseKeyValueArguments(
        ['ids=[1,2,true]', 'counts=[1,2]', 'pair=[7,7]', 'filter={"labels":[1],"limit":5,"extra":3}', 'either=12', 'maybe=null'],
        schema,
      ),
    ).toEqual({
      ids: ['1', '2', 'true'],
      counts: [1, 2],
      pair: ['7', 7],
      filter: { labels: ['1'], limit: 5, extra: '3' },
      either: '12',
      maybe: 'null',
    });
    expect(parseKeyValueArguments(['filter.labels=[3]', 'filter.other=4'], schema)).toEqual({ filter: { labels: ['3'], other: '4' } });
    expect(parseKeyValueArguments(['ids=[null]'], schema)).toEqual({ ids: ['null'] });
  });

  it('builds nested objects from dotted names', () => {
    expect(parseKeyValueArguments(['place.lat=52.5', 'place.lon=13.4', 'place.name=Berlin', 'a.b.c=1'])).toEqual({
      place: { lat: 52.5, lon: 13.4, name: 'Berlin' },
      a: { b: { c: 1 } },
    });
  });

  it('refuses words that are not name=value, empty names, repeats and clashes', () => {
    expect(() => parseKeyValueArguments(['Berlin'])).toThrow(UsageError);
    expect(() => parseKeyValueArguments(['=x'])).toThrow(UsageError);
    expect(() => parseKeyValueArguments(['a..b=1'])).toThrow(/not a valid argument name/);
    expect(() => parseKeyValueArguments(['a=1', 'a=2'])).toThrow(/given twice/);
    expect(() => parseKeyValueArguments(['a=1', 'a.b=2'])).toThrow(/both a value and an object/);
    expect(() => parseKeyValueArguments(['a.b=2', 'a=1'])).toThrow(/given twice/);
  });

  it('never reaches Object.prototype, whatever the names', () => {
    const result = parseKeyValueArguments(['__proto__.polluted=1', 'constructor.prototype.polluted=2']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}'));
  });

  it('takes --json only as an object', () => {
    expect(parseJsonArguments('{"location":"Paris","days":3}')).toEqual({ location: 'Paris', days: 3 });
    expect(() => parseJsonArguments('[1]')).toThrow(/must be a JSON object/);
    expect(() => parseJsonArguments('"text"')).toThrow(/must be a JSON object/);
    expect(() => parseJsonArguments('{oops')).toThrow(/not valid JSON/);
  });
});
