import type { ServerLogger } from '../kit/logger';
import type * as z from 'zod';
import { ToolFailure } from '../kit/errors';
import { HttpJsonClient } from '../kit/http-json';
import { DEFAULT_RETRY_POLICY } from '../kit/retry';
import { TokenBucket } from '../kit/token-bucket';
import { CachedLoader } from './cached-loader';
import type { WeatherConfig } from './config';
import { roundCoordinates, type Coordinates } from './coordinates';
import {
  currentForecastResponseSchema,
  dailyForecastResponseSchema,
  geocodingPlacesSchema,
  geocodingResponseSchema,
  type CurrentForecastResponse,
  type DailyForecastResponse,
  type GeocodingPlace,
} from './open-meteo-schemas';

export type TemperatureUnits = 'celsius' | 'fahrenheit';

export const OPEN_METEO_ATTRIBUTION = 'Weather data by Open-Meteo.com';
export const FORECAST_UPSTREAM = 'Open-Meteo';
export const GEOCODING_UPSTREAM = 'Open-Meteo geocoding';

const GEOCODING_TTL_MS = 24 * 60 * 60 * 1000;
const FORECAST_TTL_MS = 10 * 60 * 1000;
/** Every place search asks for the most search_locations can show, so all callers share one cached answer per name. */
export const PLACE_SEARCH_LIMIT = 10;

const CURRENT_VARIABLES =
  'temperature_2m,relative_humidity_2m,apparent_temperature,precipitation,weather_code,wind_speed_10m,wind_direction_10m';
const DAILY_VARIABLES =
  'weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,sunrise,sunset';

/** Open-Meteo's geocoding and forecast APIs behind one cache, one rate limiter and the kit's retrying HTTP client. */
export class OpenMeteoClient {
  private readonly forecastHttp: HttpJsonClient;
  private readonly geocodingHttp: HttpJsonClient;
  private readonly placeSearches: CachedLoader<GeocodingPlace[]>;
  private readonly currentForecasts: CachedLoader<CurrentForecastResponse>;
  private readonly dailyForecasts: CachedLoader<DailyForecastResponse>;

  constructor(
    private readonly config: WeatherConfig,
    private readonly logger: ServerLogger,
    userAgent: string,
  ) {
    // Both endpoints belong to Open-Meteo, so one bucket limits this server's total load on it.
    const limiter = new TokenBucket({
      ratePerSecond: config.rateLimit.perSecond,
      burst: config.rateLimit.burst,
      maxWaitMs: config.rateLimit.maxWaitMs,
      upstream: FORECAST_UPSTREAM,
    });
    const shared = { timeoutMs: config.timeoutMs, retry: { ...DEFAULT_RETRY_POLICY, retries: config.retries }, limiter, logger, userAgent };
    // With Redis in HTTP mode, every replica shares these answers; the upstream's URL keeps deployments apart.
    const geocoding = config.geocodingUrl.href;
    const forecast = config.forecastUrl.href;
    this.placeSearches = new CachedLoader({
      name: 'place-search',
      maxEntries: 1_000,
      ttlMs: GEOCODING_TTL_MS,
      shared: { scope: geocoding, schema: geocodingPlacesSchema },
    });
    this.currentForecasts = new CachedLoader({
      name: 'current-forecast',
      maxEntries: 500,
      ttlMs: FORECAST_TTL_MS,
      shared: { scope: forecast, schema: currentForecastResponseSchema },
    });
    this.dailyForecasts = new CachedLoader({
      name: 'daily-forecast',
      maxEntries: 500,
      ttlMs: FORECAST_TTL_MS,
      shared: { scope: forecast, schema: dailyForecastResponseSchema },
    });
    this.forecastHttp = new HttpJsonClient({ ...shared, upstream: FORECAST_UPSTREAM, metricName: 'open-meteo-forecast' });
    this.geocodingHttp = new HttpJsonClient({ ...shared, upstream: GEOCODING_UPSTREAM, metricName: 'open-meteo-geocoding' });
  }

  /** Up to PLACE_SEARCH_LIMIT places whose name matches, best match first; [] when there is none. */
  searchPlaces(name: string, signal?: AbortSignal): Promise<GeocodingPlace[]> {
    // The search ignores case, so "paris" and "Paris" are one cache entry.
    return this.placeSearches.get(name.toLowerCase(), async (loadSignal) => {
      const url = new URL(this.config.geocodingUrl);
      url.search = new URLSearchParams({ name, count: String(PLACE_SEARCH_LIMIT), language: 'en', format: 'json' }).toString();
      this.logger.debug({ upstream: GEOCODING_UPSTREAM, url: url.href }, 'cache miss: asking upstream');
      const body = this.parse(geocodingResponseSchema, await this.geocodingHttp.getJson(url, loadSignal), GEOCODING_UPSTREAM);
      return body.results ?? [];
    }, signal);
  }

  currentWeather(coordinates: Coordinates, units: TemperatureUnits, signal?: AbortSignal): Promise<CurrentForecastResponse> {
    const rounded = roundCoordinates(coordinates);
    return this.currentForecasts.get(
      `current:${rounded.latitude},${rounded.longitude}:${units}`,
      async (loadSignal) => {
        const url = this.forecastUrl(rounded, units, { current: CURRENT_VARIABLES });
        return this.parse(currentForecastResponseSchema, await this.forecastHttp.getJson(url, loadSignal), FORECAST_UPSTREAM);
      },
      signal,
    );
  }

  dailyForecast(coordinates: Coordinates, units: TemperatureUnits, days: number, signal?: AbortSignal): Promise<DailyForecastResponse> {
    const rounded = roundCoordinates(coordinates);
    return this.dailyForecasts.get(
      `daily:${days}:${rounded.latitude},${rounded.longitude}:${units}`,
      async (loadSignal) => {
        const url = this.forecastUrl(rounded, units, { daily: DAILY_VARIABLES, forecast_days: String(days) });
        return this.parse(dailyForecastResponseSchema, await this.forecastHttp.getJson(url, loadSignal), FORECAST_UPSTREAM);
      },
      signal,
    );
  }

  private forecastUrl(coordinates: Coordinates, units: TemperatureUnits, variables: Record<string, string>): URL {
    const params = new URLSearchParams({
      latitude: String(coordinates.latitude),
      longitude: String(coordinates.longitude),
      ...variables,
      timezone: 'auto',
    });
    // Celsius, km/h and mm are Open-Meteo's defaults; fahrenheit asks for the matching imperial units too.
    if (units === 'fahrenheit') {
      params.set('temperature_unit', 'fahrenheit');
      params.set('wind_speed_unit', 'mph');
      params.set('precipitation_unit', 'inch');
    }
    const url = new URL(this.config.forecastUrl);
    url.search = params.toString();
    this.logger.debug({ upstream: FORECAST_UPSTREAM, url: url.href }, 'cache miss: asking upstream');
    return url;
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown, upstream: string): T {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the answer';
    this.logger.warn({ upstream, issues: parsed.error.issues.slice(0, 5) }, 'upstream answer did not match the expected shape');
    throw new ToolFailure(
      `${upstream} sent an answer this server does not understand (${where}: ${issue?.message ?? 'unexpected shape'}). ` +
        'Try again later; if it keeps happening, the API may have changed and MCP Tray needs an update.',
      'upstream',
    );
  }
}
