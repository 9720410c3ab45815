import { describe, expect, it } from 'vitest';
import { readWeatherConfig } from './config';

describe('readWeatherConfig', () => {
  it('uses Open-Meteo and the documented defaults when nothing is set', () => {
    const config = readWeatherConfig({});
    expect(config.forecastUrl.href).toBe('https://api.open-meteo.com/v1/forecast');
    expect(config.geocodingUrl.href).toBe('https://geocoding-api.open-meteo.com/v1/search');
    expect(config).toMatchObject({ timeoutMs: 10_000, retries: 2, rateLimit: { perSecond: 5, burst: 10, maxWaitMs: 2_000 }, logLevel: 'info' });
  });

  it('appends the API paths to any base URL, with or without a trailing slash', () => {
    const config = readWeatherConfig({ WEATHER_API_URL: 'http://127.0.0.1:8080/', GEOCODING_API_URL: 'https://proxy.example/open-meteo/geo/' });
    expect(config.forecastUrl.href).toBe('http://127.0.0.1:8080/v1/forecast');
    expect(config.geocodingUrl.href).toBe('https://proxy.example/open-meteo/geo/v1/search');
  });

  it('reads every number from the environment', () => {
    const config = readWeatherConfig({
      WEATHER_TIMEOUT_MS: '500',
      WEATHER_RETRIES: '0',
      WEATHER_RATE_LIMIT_PER_SEC: '0.5',
      WEATHER_RATE_LIMIT_BURST: '1',
      WEATHER_RATE_LIMIT_MAX_WAIT_MS: '0',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config).toMatchObject({ timeoutMs: 500, retries: 0, rateLimit: { perSecond: 0.5, burst: 1, maxWaitMs: 0 }, logLevel: 'debug' });
  });

  it.each([
    [{ WEATHER_RETRIES: '-1' }, 'WEATHER_RETRIES must be a number from 0 to 10; it is "-1".'],
    [{ WEATHER_RETRIES: '1.5' }, 'WEATHER_RETRIES must be a whole number from 0 to 10; it is "1.5".'],
    [{ WEATHER_RATE_LIMIT_PER_SEC: '0' }, 'WEATHER_RATE_LIMIT_PER_SEC must be a number from'],
    [{ WEATHER_API_URL: 'api.open-meteo.com' }, 'WEATHER_API_URL must be an absolute http(s) URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => readWeatherConfig(env)).toThrow(message);
  });
});
