import { describe, expect, it } from 'vitest';
import { startWeatherHarness, useSharedWeatherHarness } from './fixtures/weather-harness';

const ATTRIBUTION = 'Weather data by Open-Meteo.com';
const CURRENT = 'temperature_2m,relative_humidity_2m,apparent_temperature,precipitation,weather_code,wind_speed_10m,wind_direction_10m';
const DAILY = 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,sunrise,sunset';

const harness = useSharedWeatherHarness();

describe('tools/list', () => {
  it('lists the three tools, read-only and open-world, with input and output schemas', async () => {
    const { tools } = await harness.server.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['get_forecast', 'get_weather', 'search_locations']);
    for (const tool of tools) {
      expect(tool.annotations).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true });
      expect(tool.title).toBeTruthy();
      expect(tool.description?.length).toBeGreaterThan(80);
      expect(tool.outputSchema?.type).toBe('object');
    }
    const getWeather = tools.find((tool) => tool.name === 'get_weather');
    expect(getWeather?.inputSchema.required).toEqual(['location']);
    expect(getWeather?.inputSchema.properties?.units).toMatchObject({ enum: ['celsius', 'fahrenheit'], default: 'celsius' });
    const getForecast = tools.find((tool) => tool.name === 'get_forecast');
    expect(getForecast?.inputSchema.properties?.days).toMatchObject({ type: 'integer', minimum: 1, maximum: 16, default: 7 });
  });
});

describe('get_weather', () => {
  it('geocodes a city name and reports the current weather in words and numbers', async () => {
    const result = await harness.call('get_weather', { location: 'Paris' });

    expect(result.isError).toBeFalsy();
    expect(result.text).toContain('Current weather in Paris, Île-de-France, France (48.8534°N, 2.3488°E)');
    expect(result.text).toMatch(/Local time: \d{4}-\d\d-\d\d \d\d:\d\d \(Europe\/Paris\)/);
    expect(result.text).toContain('Conditions: Slight rain');
    expect(result.text).toContain('Temperature: 7.9°C (feels like 4.6°C)');
    expect(result.text).toContain('Humidity: 81%');
    expect(result.text).toContain('Wind: 15.8 km/h from the SW (225°)');
    expect(result.text).toContain('Precipitation: 0.2 mm');
    expect(result.text).toContain(ATTRIBUTION);
    expect(result.structuredContent).toEqual({
      place: { name: 'Paris', region: 'Île-de-France', country: 'France', countryCode: 'FR', latitude: 48.85341, longitude: 2.3488 },
      timezone: 'Europe/Paris',
      localTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/),
      observedAt: '2025-01-14T13:45',
      units: 'celsius',
      temperature: 7.9,
      feelsLike: 4.6,
      temperatureUnit: '°C',
      conditions: 'Slight rain',
      weatherCode: 61,
      humidityPercent: 81,
      windSpeed: 15.8,
      windSpeedUnit: 'km/h',
      windDirectionDegrees: 225,
      windDirection: 'SW',
      precipitation: 0.2,
      precipitationUnit: 'mm',
      attribution: ATTRIBUTION,
    });

    const [search] = harness.upstream.searchRequests();
    expect(Object.fromEntries(search?.url.searchParams ?? [])).toEqual({ name: 'Paris', count: '10', language: 'en', format: 'json' });
    const [forecast] = harness.upstream.forecastRequests();
    expect(Object.fromEntries(forecast?.url.searchParams ?? [])).toEqual({
      latitude: '48.85',
      longitude: '2.35',
      current: CURRENT,
      timezone: 'auto',
    });
    expect(forecast?.headers['user-agent']).toMatch(/^mcp-tray-weather\//);
  });

  it('searches only the city of "City, Country" and picks the first result in that country', async () => {
    // A fresh server, so that "Paris" is not already cached from the test above.
    const fresh = await startWeatherHarness();
    try {
      const result = await fresh.call('get_weather', { location: 'Paris, United States' });

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ place: { name: 'Paris', region: 'Texas', countryCode: 'US', latitude: 33.66094 } });
      expect(fresh.upstream.searchRequests().map((request) => request.url.searchParams.get('name'))).toEqual(['Paris']);
    } finally {
      await fresh.close();
    }
  });

  it('matches a country code or a region after the comma too', async () => {
    const byRegion = await harness.call('get_weather', { location: 'Paris, Tennessee' });
    expect(byRegion.structuredContent).toMatchObject({ place: { region: 'Tennessee', latitude: 36.302 } });
    const byCode = await harness.call('get_weather', { location: 'springfield, us, oregon' });
    expect(byCode.structuredContent).toMatchObject({ place: { region: 'Oregon', country: 'United States' } });
    const byAccentlessName = await harness.call('get_weather', { location: 'Zürich, switzerland' });
    expect(byAccentlessName.structuredContent).toMatchObject({ place: { name: 'Zürich', countryCode: 'CH' } });
  });

  it('takes "lat,lon" without geocoding and names the place by its coordinates', async () => {
    const result = await harness.call('get_weather', { location: '-33.87, 151.21' });

    expect(result.isError).toBeFalsy();
    expect(harness.upstream.searchRequests()).toHaveLength(0);
    expect(result.text).toContain('Current weather in 33.87°S, 151.21°E');
    expect(result.structuredContent).toMatchObject({
      place: { name: '33.87°S, 151.21°E', region: null, country: null, countryCode: null, latitude: -33.87, longitude: 151.21 },
      timezone: 'Australia/Sydney',
    });
  });

  it('asks Open-Meteo for fahrenheit, mph and inches and reports them', async () => {
    const result = await harness.call('get_weather', { location: '40.71,-74.01', units: 'fahrenheit' });

    const params = harness.upstream.forecastRequests()[0]?.url.searchParams;
    expect(params?.get('temperature_unit')).toBe('fahrenheit');
    expect(params?.get('wind_speed_unit')).toBe('mph');
    expect(params?.get('precipitation_unit')).toBe('inch');
    expect(result.text).toContain('Temperature: 46.2°F (feels like 40.3°F)');
    expect(result.text).toContain('Wind: 9.8 mph from the SW (225°)');
    expect(result.text).toContain('Precipitation: 0.008 in');
    expect(result.structuredContent).toMatchObject({ units: 'fahrenheit', temperatureUnit: '°F', windSpeedUnit: 'mph', precipitationUnit: 'in' });
  });
});

describe('get_forecast', () => {
  it('reports daily highs, lows, conditions, precipitation and sun times', async () => {
    const result = await harness.call('get_forecast', { location: 'Berlin', days: 3 });

    expect(result.isError).toBeFalsy();
    const params = harness.upstream.forecastRequests()[0]?.url.searchParams;
    expect(Object.fromEntries(params ?? [])).toEqual({
      latitude: '52.52',
      longitude: '13.41',
      daily: DAILY,
      forecast_days: '3',
      timezone: 'auto',
    });
    expect(result.text).toContain('3-day forecast for Berlin, Land Berlin, Germany (52.5244°N, 13.4105°E); times are local (Europe/Berlin)');
    expect(result.text).toContain(
      'Tue 2025-01-14: Slight rain, high 9°C, low 4°C, precipitation 2.1 mm (chance up to 80%), sunrise 08:39, sunset 17:18',
    );
    expect(result.text).toContain('Wed 2025-01-15: Overcast, high 10°C, low 5°C, precipitation 0 mm (chance up to 10%)');
    expect(result.text).toContain('Thu 2025-01-16: Partly cloudy');
    expect(result.text).toContain(ATTRIBUTION);
    expect(result.structuredContent).toMatchObject({
      place: { name: 'Berlin', region: 'Land Berlin', country: 'Germany', countryCode: 'DE' },
      timezone: 'Europe/Berlin',
      units: 'celsius',
      temperatureUnit: '°C',
      precipitationUnit: 'mm',
      attribution: ATTRIBUTION,
    });
    const { days } = result.structuredContent as { days: unknown[] };
    expect(days).toHaveLength(3);
    expect(days[0]).toEqual({
      date: '2025-01-14',
      weekday: 'Tue',
      conditions: 'Slight rain',
      weatherCode: 61,
      temperatureMax: 9,
      temperatureMin: 4,
      precipitationProbabilityMax: 80,
      precipitationSum: 2.1,
      sunrise: '2025-01-14T08:39',
      sunset: '2025-01-14T17:18',
    });
  });

  it('defaults to 7 days and reports days without a precipitation probability as null', async () => {
    const week = await harness.call('get_forecast', { location: '48.1,11.6' });
    expect(harness.upstream.forecastRequests()[0]?.url.searchParams.get('forecast_days')).toBe('7');
    expect((week.structuredContent as { days: unknown[] }).days).toHaveLength(7);

    const long = await harness.call('get_forecast', { location: '48.1,11.6', days: 16, units: 'fahrenheit' });
    const days = (long.structuredContent as { days: Array<Record<string, unknown>> }).days;
    expect(days).toHaveLength(16);
    expect(days[15]).toMatchObject({ date: '2025-01-29', precipitationProbabilityMax: null, temperatureMax: 75.2 });
    expect(long.text).toMatch(/Wed 2025-01-29: Overcast, high 75.2°F, low 66.2°F, precipitation 0 in, sunrise/);
  });
});

describe('search_locations', () => {
  it('lists candidates with region, country, coordinates, population and time zone', async () => {
    const result = await harness.call('search_locations', { query: 'Springfield', count: 3 });

    expect(result.isError).toBeFalsy();
    expect(result.text).toContain('3 places match "Springfield":');
    expect(result.text).toContain(
      '1. Springfield, Missouri, United States: location "37.21533,-93.29824", population 169,176, America/Chicago',
    );
    expect(result.text).toContain('3. Springfield, Illinois, United States');
    expect(result.text).toContain(ATTRIBUTION);
    const { results } = result.structuredContent as { results: Array<Record<string, unknown>> };
    expect(results).toHaveLength(3);
    expect(results[1]).toEqual({
      name: 'Springfield',
      region: 'Massachusetts',
      country: 'United States',
      countryCode: 'US',
      latitude: 42.10148,
      longitude: -72.58981,
      location: '42.10148,-72.58981',
      population: 155929,
      timezone: 'America/New_York',
      elevationMeters: 21,
    });
  });

  it('defaults to 5 results, narrows by region or country, and reports a missing population as null', async () => {
    const all = await harness.call('search_locations', { query: 'springfield' });
    expect((all.structuredContent as { results: unknown[] }).results).toHaveLength(5);

    const australian = await harness.call('search_locations', { query: 'Springfield, Australia' });
    expect(australian.structuredContent).toMatchObject({
      results: [{ region: 'Queensland', country: 'Australia', population: null, timezone: 'Australia/Brisbane' }],
    });
    expect(australian.text).toContain('1 place matches "Springfield, Australia"');
  });

  it('answers an unknown name with an empty list and advice, not an error', async () => {
    const result = await harness.call('search_locations', { query: 'Xyzzyville' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ query: 'Xyzzyville', results: [], attribution: ATTRIBUTION });
    expect(result.text).toContain('No place called "Xyzzyville" was found.');
  });
});

describe('prompt and resource', () => {
  it('offers a weather-briefing prompt that uses the tools for the given location', async () => {
    const { prompts } = await harness.server.client.listPrompts();
    expect(prompts).toEqual([
      expect.objectContaining({ name: 'weather-briefing', arguments: [expect.objectContaining({ name: 'location', required: true })] }),
    ]);
    const prompt = await harness.server.client.getPrompt({ name: 'weather-briefing', arguments: { location: 'Lyon, France' } });
    const message = prompt.messages[0];
    expect(message?.role).toBe('user');
    const text = message?.content.type === 'text' ? message.content.text : '';
    expect(text).toContain('weather briefing for Lyon, France');
    expect(text).toContain('get_weather with location "Lyon, France"');
    expect(text).toContain('get_forecast with location "Lyon, France" and days 3');
    expect(text).toContain(ATTRIBUTION);
  });

  it('rejects a briefing without a usable location', async () => {
    await expect(harness.server.client.getPrompt({ name: 'weather-briefing', arguments: { location: 'x' } })).rejects.toThrow(
      /location needs at least 2 characters/,
    );
  });

  it('serves the WMO code table as markdown', async () => {
    const { resources } = await harness.server.client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri: 'weather://wmo-codes', mimeType: 'text/markdown' })]);
    const { contents } = await harness.server.client.readResource({ uri: 'weather://wmo-codes' });
    const [table] = contents;
    expect(table).toMatchObject({ uri: 'weather://wmo-codes', mimeType: 'text/markdown' });
    const text = table && 'text' in table ? table.text : '';
    expect(text).toContain('| 0 | Clear sky |');
    expect(text).toContain('| 61 | Slight rain |');
    expect(text).toContain('| 99 | Thunderstorm with heavy hail |');
    expect(text).toContain(ATTRIBUTION);
  });
});
