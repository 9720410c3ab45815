import { describe, expect, it } from 'vitest';
import { useSharedWeatherHarness } from './fixtures/weather-harness';

const LOCATION_ADVICE = 'type a city name ("Paris"), a city and country ("Paris, France") or coordinates ("48.85,2.35")';

const harness = useSharedWeatherHarness();

/** Calls a tool that must fail: an isError result (never a thrown protocol error) whose text is returned. */
async function expectToolError(name: string, args: Record<string, unknown>): Promise<string> {
  const result = await harness.call(name, args);
  expect(result.isError, `expected ${name}(${JSON.stringify(args)}) to fail, got: ${result.text}`).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  return result.text;
}

describe('location that cannot be looked up', () => {
  it.each([
    ['an empty location', ''],
    ['only spaces', '   '],
    ['a one-letter location', 'P'],
    ['one letter padded with spaces', '  x '],
  ])('rejects %s and says what to type, without calling Open-Meteo', async (_label, location) => {
    for (const tool of ['get_weather', 'get_forecast']) {
      const text = await expectToolError(tool, { location });
      expect(text).toContain(`location needs at least 2 characters: ${LOCATION_ADVICE}`);
    }
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it('rejects a missing or non-text location', async () => {
    expect(await expectToolError('get_weather', {})).toContain(`location must be text: a city name ("Paris")`);
    expect(await expectToolError('get_weather', { location: 48.85 })).toContain('location must be text');
  });

  it('rejects a one-letter city before a country', async () => {
    const text = await expectToolError('get_weather', { location: 'P, France' });
    expect(text).toContain('the place name needs at least 2 letters');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.each([
    ['95,10', 'Latitude 95 is out of range: it must be between -90 and 90.'],
    ['-90.5, 0', 'Latitude -90.5 is out of range: it must be between -90 and 90.'],
    ['48.85,200', 'Longitude 200 is out of range: it must be between -180 and 180.'],
    ['0 -180.01', 'Longitude -180.01 is out of range: it must be between -180 and 180.'],
  ])('rejects coordinates out of range: %s', async (location, message) => {
    for (const tool of ['get_weather', 'get_forecast']) {
      const text = await expectToolError(tool, { location });
      expect(text).toContain(message);
      expect(text).toContain('Pass coordinates as "latitude,longitude", e.g. "48.85,2.35"');
    }
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it('accepts the edges of the coordinate ranges', async () => {
    const result = await harness.call('get_weather', { location: '-90,180' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ place: { name: '90°S, 180°E' } });
  });
});

describe('unknown places', () => {
  it('says what to try when a name is not found', async () => {
    for (const tool of ['get_weather', 'get_forecast']) {
      const text = await expectToolError(tool, { location: 'Atlantis' });
      expect(text).toBe(
        'No place called "Atlantis" was found. Try a larger nearby city, add the country ("Paris, France"), ' +
          'or pass coordinates like "48.85,2.35".',
      );
    }
    expect(harness.upstream.forecastRequests()).toHaveLength(0);
  });

  it('says where a name exists when it is not in the country given', async () => {
    const text = await expectToolError('get_weather', { location: 'Paris, Germany' });
    expect(text).toContain('No place called "Paris, Germany" was found. Try a larger nearby city');
    expect(text).toContain('Places called "Paris" were found in: Île-de-France, France; Texas, United States; Tennessee, United States.');
  });

  it('points search_locations users with coordinates at the weather tools', async () => {
    const text = await expectToolError('search_locations', { query: '48.85,2.35' });
    expect(text).toContain('is already a pair of coordinates');
    expect(text).toContain('get_weather');
  });
});

describe('options out of range', () => {
  it.each([['kelvin'], ['Celsius'], [''], [1]])('rejects units %j', async (units) => {
    for (const tool of ['get_weather', 'get_forecast']) {
      const text = await expectToolError(tool, { location: 'Berlin', units });
      expect(text).toContain('units must be "celsius" or "fahrenheit"');
    }
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.each([[0], [17], [2.5], [-1], ['7']])('rejects days %j', async (days) => {
    const text = await expectToolError('get_forecast', { location: 'Berlin', days });
    expect(text).toContain('days must be a whole number from 1 to 16, e.g. 7 for a week');
    expect(harness.upstream.requests).toHaveLength(0);
  });

  it.each([[0], [11], [1.5]])('rejects search count %j', async (count) => {
    const text = await expectToolError('search_locations', { query: 'Springfield', count });
    expect(text).toContain('count must be a whole number from 1 to 10');
  });

  it('rejects a one-letter search query', async () => {
    const text = await expectToolError('search_locations', { query: 'S' });
    expect(text).toContain('query needs at least 2 characters: type a place name such as "Springfield"');
  });
});
