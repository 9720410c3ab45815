import { readLogLevelEnv, readNumberEnv, readUrlEnv, readWholeNumberEnv } from '../kit/env';

export interface WeatherConfig {
  /** Full URL of the forecast endpoint (`<WEATHER_API_URL>/v1/forecast`). */
  forecastUrl: URL;
  /** Full URL of the place search endpoint (`<GEOCODING_API_URL>/v1/search`). */
  geocodingUrl: URL;
  timeoutMs: number;
  retries: number;
  rateLimit: { perSecond: number; burst: number; maxWaitMs: number };
  logLevel: string;
}

/** Reads the weather server's settings; a bad value throws an Error naming the variable and what it must be. */
export function readWeatherConfig(env: NodeJS.ProcessEnv): WeatherConfig {
  const logLevel = readLogLevelEnv(env);
  return {
    forecastUrl: withPath(readUrlEnv(env, 'WEATHER_API_URL', 'https://api.open-meteo.com'), '/v1/forecast'),
    geocodingUrl: withPath(readUrlEnv(env, 'GEOCODING_API_URL', 'https://geocoding-api.open-meteo.com'), '/v1/search'),
    timeoutMs: readNumberEnv(env, 'WEATHER_TIMEOUT_MS', 10_000, { min: 10, max: 120_000 }),
    retries: readWholeNumberEnv(env, 'WEATHER_RETRIES', 2, { min: 0, max: 10 }),
    rateLimit: {
      perSecond: readNumberEnv(env, 'WEATHER_RATE_LIMIT_PER_SEC', 5, { min: 0.001, max: 1_000 }),
      burst: readNumberEnv(env, 'WEATHER_RATE_LIMIT_BURST', 10, { min: 1, max: 1_000 }),
      maxWaitMs: readNumberEnv(env, 'WEATHER_RATE_LIMIT_MAX_WAIT_MS', 2_000, { min: 0, max: 60_000 }),
    },
    logLevel,
  };
}

/** Appends the endpoint to any base path; a bare host reads back as "/", so trailing slashes are dropped first. */
function withPath(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}
