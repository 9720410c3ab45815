import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { runTool } from '../../kit/tool-runner';
import { toolSchema } from '../../kit/tool-schema';
import { parseLocation } from '../location';
import { clockTime, displayUnit, formatMeasure, weekdayOf } from '../measure-format';
import { FORECAST_UPSTREAM, OPEN_METEO_ATTRIBUTION, type TemperatureUnits } from '../open-meteo-client';
import type { DailyForecastResponse } from '../open-meteo-schemas';
import { describePlace, resolvePlace, type ResolvedPlace } from '../place-resolver';
import { describeWeatherCode } from '../wmo-codes';
import {
  attributionOutput,
  locationField,
  placeOutput,
  placeOutputSchema,
  READ_ONLY_WEB_LOOKUP,
  unitsField,
  unitsOutput,
  type WeatherToolDeps,
} from './tool-fields';

const DAYS_MESSAGE = 'days must be a whole number from 1 to 16, e.g. 7 for a week';

const daysField = z
  .number({ error: DAYS_MESSAGE })
  .int({ error: DAYS_MESSAGE })
  .min(1, { error: DAYS_MESSAGE })
  .max(16, { error: DAYS_MESSAGE })
  .default(7)
  .describe('How many days to forecast, starting today: 1 to 16.');

const forecastDayOutput = z.object({
  date: z.string().describe('Local date, "YYYY-MM-DD"'),
  weekday: z.string().describe('"Mon" ... "Sun"'),
  conditions: z.string().describe('Most severe conditions of the day in words, from the WMO weather code'),
  weatherCode: z.number().nullable(),
  temperatureMax: z.number().nullable(),
  temperatureMin: z.number().nullable(),
  precipitationProbabilityMax: z.number().nullable().describe('Highest chance of precipitation during the day, percent'),
  precipitationSum: z.number().nullable().describe('Total precipitation of the day'),
  sunrise: z.string().nullable().describe('Local time, "YYYY-MM-DDTHH:MM"'),
  sunset: z.string().nullable().describe('Local time, "YYYY-MM-DDTHH:MM"'),
});

const forecastOutput = toolSchema('get_forecast.output', {
  place: placeOutputSchema,
  timezone: z.string().describe('IANA time zone that dates, sunrise and sunset are given in'),
  units: unitsOutput,
  temperatureUnit: z.string(),
  precipitationUnit: z.string(),
  days: z.array(forecastDayOutput),
  attribution: attributionOutput,
});

export type ForecastReport = z.infer<typeof forecastOutput>;

const getForecastTool = {
  title: 'Daily forecast',
  description:
    'Daily weather forecast for up to 16 days, starting today: high and low temperature, conditions in words, ' +
    'highest chance of precipitation and total precipitation, sunrise and sunset (local times). ' +
    'location is a city name ("Paris"), a city with its country or region ("Paris, France") or "latitude,longitude" ' +
    '("48.85,2.35"). For the weather right now, use get_weather.',
  inputSchema: toolSchema('get_forecast.input', { location: locationField, days: daysField, units: unitsField }),
  outputSchema: forecastOutput,
  annotations: READ_ONLY_WEB_LOOKUP,
};

export function registerGetForecastTool(server: McpServer, { client, logger }: WeatherToolDeps): void {
  server.registerTool(
    'get_forecast',
    getForecastTool,
    ({ location, days, units }, ctx) =>
      runTool(logger, 'get_forecast', FORECAST_UPSTREAM, async () => {
        const { signal } = ctx.mcpReq;
        const place = await resolvePlace(client, parseLocation(location), location, signal);
        const report = toForecastReport(place, await client.dailyForecast(place, units, days, signal), units);
        return { content: [{ type: 'text', text: formatForecast(report) }], structuredContent: report };
      }, ctx.mcpReq.signal),
  );
}

export function toForecastReport(place: ResolvedPlace, forecast: DailyForecastResponse, units: TemperatureUnits): ForecastReport {
  const { daily } = forecast;
  return {
    place: placeOutput(place),
    timezone: forecast.timezone,
    units,
    temperatureUnit: forecast.daily_units.temperature_2m_max,
    precipitationUnit: displayUnit(forecast.daily_units.precipitation_sum),
    // Every daily series is index-aligned with `time`; a short series reads as "not reported", not as a crash.
    days: daily.time.map((date, index) => {
      const weatherCode = daily.weather_code[index] ?? null;
      return {
        date,
        weekday: weekdayOf(date),
        conditions: describeWeatherCode(weatherCode),
        weatherCode,
        temperatureMax: daily.temperature_2m_max[index] ?? null,
        temperatureMin: daily.temperature_2m_min[index] ?? null,
        precipitationProbabilityMax: daily.precipitation_probability_max[index] ?? null,
        precipitationSum: daily.precipitation_sum[index] ?? null,
        sunrise: daily.sunrise[index] ?? null,
        sunset: daily.sunset[index] ?? null,
      };
    }),
    attribution: OPEN_METEO_ATTRIBUTION,
  };
}

export function formatForecast(report: ForecastReport): string {
  const { temperatureUnit: tempUnit, precipitationUnit: rainUnit } = report;
  const lines = report.days.map((day) => {
    const chance = day.precipitationProbabilityMax === null ? '' : ` (chance up to ${formatMeasure(day.precipitationProbabilityMax, '%')})`;
    return (
      `${day.weekday} ${day.date}: ${day.conditions}, high ${formatMeasure(day.temperatureMax, tempUnit)}, ` +
      `low ${formatMeasure(day.temperatureMin, tempUnit)}, precipitation ${formatMeasure(day.precipitationSum, rainUnit)}${chance}, ` +
      `sunrise ${clockTime(day.sunrise)}, sunset ${clockTime(day.sunset)}`
    );
  });
  const heading = `${report.days.length}-day forecast for ${describePlace(report.place)}; times are local (${report.timezone})`;
  return [heading, ...lines, report.attribution].join('\n');
}
