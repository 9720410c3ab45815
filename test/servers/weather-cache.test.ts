import { afterEach, describe, expect, it } from 'vitest';
import type { FakeHandler } from '../support/fake-http';
import { openMeteoHandler } from './fixtures/weather-fake-open-meteo';
import { startWeatherHarness, type WeatherHarness } from './fixtures/weather-harness';

let harness: WeatherHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(handler: FakeHandler = openMeteoHandler): Promise<WeatherHarness> {
  harness = await startWeatherHarness({ handler });
  return harness;
}

describe('response cache', () => {
  it('answers a repeated get_weather without any upstream request', async () => {
    const h = await start();
    const first = await h.call('get_weather', { location: 'Paris' });
    expect(h.upstream.requests).toHaveLength(2);

    const second = await h.call('get_weather', { location: 'Paris' });
    const otherCase = await h.call('get_weather', { location: '  paris ' });

    expect(h.upstream.requests).toHaveLength(2);
    expect(second.structuredContent).toMatchObject({ temperature: 7.9, place: { name: 'Paris', country: 'France' } });
    expect(otherCase.text.split('\n')[0]).toBe(first.text.split('\n')[0]);
  });

  it('shares geocoding across tools and keys forecasts by kind, units and rounded coordinates', async () => {
    const h = await start();
    await h.call('get_weather', { location: 'Paris' });

    // Same place, other kind: the geocoding is reused, the daily forecast is new.
    await h.call('get_forecast', { location: 'Paris', days: 3 });
    expect(h.upstream.searchRequests()).toHaveLength(1);
    expect(h.upstream.forecastRequests()).toHaveLength(2);
    await h.call('get_forecast', { location: 'Paris', days: 3 });
    expect(h.upstream.forecastRequests()).toHaveLength(2);

    // Other units or another number of days are other answers.
    await h.call('get_weather', { location: 'Paris', units: 'fahrenheit' });
    await h.call('get_forecast', { location: 'Paris', days: 4 });
    expect(h.upstream.forecastRequests()).toHaveLength(4);

    // Coordinates within the rounding of the geocoded Paris (48.85341, 2.3488) share its forecast.
    await h.call('get_weather', { location: '48.8534,2.3488' });
    expect(h.upstream.forecastRequests()).toHaveLength(4);
    await h.call('get_weather', { location: '48.9,2.3488' });
    expect(h.upstream.forecastRequests()).toHaveLength(5);

    // search_locations reads the same cached search as get_weather.
    const search = await h.call('search_locations', { query: 'PARIS', count: 2 });
    expect((search.structuredContent as { results: unknown[] }).results).toHaveLength(2);
    expect(h.upstream.searchRequests()).toHaveLength(1);
  });

  it('remembers that a name was not found', async () => {
    const h = await start();
    await h.call('get_weather', { location: 'Atlantis' });
    const again = await h.call('get_weather', { location: 'Atlantis' });
    expect(again.isError).toBe(true);
    expect(h.upstream.searchRequests()).toHaveLength(1);
  });
});

describe('in-flight requests', () => {
  it('sends one upstream request for identical calls made at the same time', async () => {
    // A slow upstream keeps the first request open while the other calls arrive.
    const h = await start((request, response) => {
      setTimeout(() => void openMeteoHandler(request, response), 300);
    });

    const results = await Promise.all([1, 2, 3].map(() => h.call('get_weather', { location: 'Berlin' })));

    for (const result of results) expect(result.structuredContent).toMatchObject({ place: { name: 'Berlin' }, temperature: 7.9 });
    expect(h.upstream.searchRequests()).toHaveLength(1);
    expect(h.upstream.forecastRequests()).toHaveLength(1);
  });

  it('does not share a failure: the next call asks again', async () => {
    let failNext = true;
    const h = await start((request, response) => {
      if (failNext && request.url.pathname === '/v1/forecast') {
        failNext = false;
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: true, reason: 'Temporary glitch' }));
        return;
      }
      return openMeteoHandler(request, response);
    });

    expect((await h.call('get_weather', { location: '1,1' })).isError).toBe(true);
    expect((await h.call('get_weather', { location: '1,1' })).isError).toBeFalsy();
    expect(h.upstream.forecastRequests()).toHaveLength(2);
  });
});
