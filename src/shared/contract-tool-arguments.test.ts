import { describe, expect, it } from 'vitest';
import { parseInput } from './contract';

describe('tools.call arguments', () => {
  const call = (args: unknown) => () => parseInput('tools.call', { serverId: 'weather', name: 'get_weather', arguments: args });

  it('takes a plain object as it is, and none as {}', () => {
    const args = { location: 'Berlin', units: 'celsius' };
    expect(call(args)().arguments).toBe(args);
    expect(parseInput('tools.call', { serverId: 'weather', name: 'get_weather' }).arguments).toEqual({});
    expect(call(Object.assign(Object.create(null) as object, { location: 'Oslo' }))().arguments).toEqual({ location: 'Oslo' });
  });

  it.each([
    ['an array', ['Berlin']],
    ['null', null],
    ['a string', 'Berlin'],
    ['a Date (a structured clone keeps it)', new Date(0)],
    ['a Map', new Map([['location', 'Berlin']])],
    ['a class instance', new (class Place { location = 'Berlin'; })()],
  ])('refuses %s and says what to send', (_, args) => {
    expect(call(args)).toThrow(/arguments: Expected the tool arguments as a JSON object/);
  });
});
