import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startFakeHttp, type FakeHandler } from '../support/fake-http';
import { openMeteoHandler } from './fixtures/weather-fake-open-meteo';
import { forecastFixture } from './fixtures/weather-open-meteo-data';
import { startWeatherHarness, type WeatherHarness } from './fixtures/weather-harness';

let harness: WeatherHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(env: Record<string, string>, handler: FakeHandler = openMeteoHandler): Promise<WeatherHarness> {
  harness = await startWeatherHarness({ env, handler });
  return harness;
}

/** Answers the first `times` forecast requests with `fail`, then like Open-Meteo. */
function forecastFailsFirst(times: number, fail: FakeHandler): FakeHandler {
  let failures = 0;
  return (request, response) => {
    if (request.url.pathname === '/v1/forecast' && failures < times) {
      failures += 1;
      return fail(request, response);
    }
    return openMeteoHandler(request, response);
  };
}

const serverError: FakeHandler = (_request, response) => sendJson(response, 500, { error: true, reason: 'Internal Server Error' });

function retryLogs(h: WeatherHarness) {
  return h.logLines().filter((line) => line.msg === 'retrying upstream request');
}

describe('server errors', () => {
  it('retries a 500 and returns the weather', async () => {
    const h = await start({ WEATHER_RETRIES: '2' }, forecastFailsFirst(1, serverError));

    const result = await h.call('get_weather', { location: '52.52,13.41' });

    expect(result.isError).toBeFalsy();
    expect(result.text).toContain('Temperature: 7.9°C');
    expect(h.upstream.forecastRequests()).toHaveLength(2);
    expect(retryLogs(h)).toEqual([expect.objectContaining({ upstream: 'Open-Meteo', attempt: 1, reason: 'HTTP 500' })]);
  });

  it('gives up after the configured retries with a message saying to try later, and caches no failure', async () => {
    const h = await start(
      { WEATHER_RETRIES: '1' },
      forecastFailsFirst(2, (_request, response) => sendJson(response, 503, { error: true, reason: 'Service Unavailable' })),
    );

    const failed = await h.call('get_weather', { location: '52.52,13.41' });
    expect(failed.isError).toBe(true);
    expect(failed.text).toBe('Open-Meteo is having problems (HTTP 503). Try again in a few minutes.');
    expect(h.upstream.forecastRequests()).toHaveLength(2);

    const later = await h.call('get_weather', { location: '52.52,13.41' });
    expect(later.isError).toBeFalsy();
    expect(h.upstream.forecastRequests()).toHaveLength(3);
  });

  it('names the geocoding service when it is the one failing', async () => {
    const h = await start({ WEATHER_RETRIES: '0' }, (_request, response) => sendJson(response, 502, { error: true, reason: 'Bad Gateway' }));
    const result = await h.call('get_weather', { location: 'Berlin' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe('Open-Meteo geocoding is having problems (HTTP 502). Try again in a few minutes.');
    expect(h.upstream.forecastRequests()).toHaveLength(0);
  });

  it("passes on Open-Meteo's reason for a 400 without retrying", async () => {
    const h = await start({ WEATHER_RETRIES: '2' }, (_request, response) =>
      sendJson(response, 400, { error: true, reason: 'Parameter forecast_days must not exceed 16' }),
    );
    const result = await h.call('get_forecast', { location: '52.52,13.41', days: 5 });
    expect(result.isError).toBe(true);
    expect(result.text).toBe('Open-Meteo refused the request (HTTP 400): Parameter forecast_days must not exceed 16');
    expect(h.upstream.forecastRequests()).toHaveLength(1);
  });
});

describe('timeouts and unreachable upstreams', () => {
  it('stops waiting after WEATHER_TIMEOUT_MS, retries, then says the service did not answer', async () => {
    const neverAnswers: FakeHandler = () => undefined;
    // Long enough for each attempt to reach the fake even on a busy machine, which the count below needs.
    const h = await start({ WEATHER_TIMEOUT_MS: '1000', WEATHER_RETRIES: '1' }, neverAnswers);

    const result = await h.call('get_weather', { location: '52.52,13.41' });

    expect(result.isError).toBe(true);
    expect(result.text).toBe('Open-Meteo did not answer within 1 s. Try again in a moment.');
    expect(h.upstream.forecastRequests()).toHaveLength(2);
    expect(retryLogs(h)).toEqual([expect.objectContaining({ reason: 'timeout' })]);
  });

  it('says it could not reach the service when nothing listens at the URL', async () => {
    const closed = await startFakeHttp(openMeteoHandler);
    await closed.close();
    harness = await startWeatherHarness({ env: { WEATHER_RETRIES: '0', WEATHER_API_URL: closed.url } });

    const result = await harness.call('get_weather', { location: '52.52,13.41' });

    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^Could not reach Open-Meteo \(.+\)\. Check the network connection and try again\.$/);
  });
});

describe('429 Too Many Requests', () => {
  it('waits out a short Retry-After and then returns the weather', async () => {
    const h = await start(
      { WEATHER_RETRIES: '2' },
      forecastFailsFirst(1, (_request, response) =>
        sendJson(response, 429, { error: true, reason: 'Too many concurrent requests' }, { 'retry-after': '1' }),
      ),
    );

    const result = await h.call('get_weather', { location: '52.52,13.41' });

    expect(result.isError).toBeFalsy();
    expect(h.upstream.forecastRequests()).toHaveLength(2);
    // The wait chosen is the one Open-Meteo asked for, not the exponential backoff.
    expect(retryLogs(h)).toEqual([expect.objectContaining({ attempt: 1, delay_ms: 1000, reason: 'HTTP 429' })]);
  });

  it('does not wait out a long Retry-After: it says when to try again', async () => {
    const h = await start({ WEATHER_RETRIES: '2' }, (_request, response) =>
      sendJson(response, 429, { error: true, reason: 'Daily API request limit exceeded' }, { 'retry-after': '120' }),
    );

    const result = await h.call('get_weather', { location: '52.52,13.41' });

    expect(result.isError).toBe(true);
    expect(result.text).toBe('Open-Meteo is rate limiting requests. Try again in 120 s.');
    expect(h.upstream.forecastRequests()).toHaveLength(1);
  });
});

describe('local rate limit', () => {
  it('refuses calls beyond the burst with a clear "try again in N s", and still serves cached answers', async () => {
    const h = await start({
      WEATHER_RATE_LIMIT_PER_SEC: '0.01',
      WEATHER_RATE_LIMIT_BURST: '2',
      WEATHER_RATE_LIMIT_MAX_WAIT_MS: '0',
    });

    const results = await Promise.all(
      ['10,10', '20,20', '30,30', '40,40'].map((location) => h.call('get_weather', { location })),
    );

    const limited = results.filter((result) => result.isError);
    expect(results.filter((result) => !result.isError)).toHaveLength(2);
    expect(limited).toHaveLength(2);
    for (const result of limited) {
      expect(result.text).toMatch(/^Too many requests to Open-Meteo from this server right now\. Try again in \d+ s\.$/);
    }
    expect(h.upstream.forecastRequests()).toHaveLength(2);

    const servedBefore = results.findIndex((result) => !result.isError);
    const again = await h.call('get_weather', { location: ['10,10', '20,20', '30,30', '40,40'][servedBefore] ?? '' });
    expect(again.isError).toBeFalsy();
    expect(h.upstream.forecastRequests()).toHaveLength(2);
  });
});

describe('answers that are not what Open-Meteo sends', () => {
  it('reports a forecast with a missing field clearly', async () => {
    const h = await start({ WEATHER_RETRIES: '0' }, (request, response) => {
      const body = forecastFixture(request.url.searchParams);
      delete (body.current as Record<string, unknown>).temperature_2m;
      sendJson(response, 200, body);
    });

    const result = await h.call('get_weather', { location: '52.52,13.41' });

    expect(result.isError).toBe(true);
    expect(result.text).toContain('Open-Meteo sent an answer this server does not understand (current.temperature_2m:');
    expect(result.text).toContain('Try again later');
  });

  it('reports geocoding results of the wrong type clearly', async () => {
    const h = await start({ WEATHER_RETRIES: '0' }, (_request, response) => sendJson(response, 200, { results: 'Paris' }));
    const result = await h.call('search_locations', { query: 'Paris' });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('Open-Meteo geocoding sent an answer this server does not understand (results:');
  });

  it('reports an answer that is not JSON', async () => {
    const h = await start({ WEATHER_RETRIES: '0' }, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Gateway maintenance</body></html>');
    });
    const result = await h.call('get_weather', { location: '52.52,13.41' });
    expect(result.isError).toBe(true);
    expect(result.text).toBe('Open-Meteo sent an answer that is not valid JSON. Try again later.');
  });
});
