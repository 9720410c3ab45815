import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { runTool } from '../../kit/tool-runner';
import { toolSchema } from '../../kit/tool-schema';
import { compassPoint } from '../compass';
import { parseLocation } from '../location';
import { clockTime, displayUnit, formatMeasure, localTimeAt } from '../measure-format';
import { FORECAST_UPSTREAM, OPEN_METEO_ATTRIBUTION, type TemperatureUnits } from '../open-meteo-client';
import type { CurrentForecastResponse } from '../open-meteo-schemas';
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

const currentWeatherOutput = toolSchema('get_weather.output', {
  place: placeOutputSchema,
  timezone: z.string().describe('IANA time zone of the place'),
  localTime: z.string().describe('Local date and time at the place now, "YYYY-MM-DDTHH:MM"'),
  observedAt: z.string().describe('Local date and time of the reading, "YYYY-MM-DDTHH:MM"'),
  units: unitsOutput,
  temperature: z.number().nullable(),
  feelsLike: z.number().nullable().describe('Apparent temperature, with wind and humidity'),
  temperatureUnit: z.string(),
  conditions: z.string().describe('Conditions in words, from the WMO weather code'),
  weatherCode: z.number().nullable().describe('WMO weather code (see resource weather://wmo-codes)'),
  humidityPercent: z.number().nullable().describe('Relative humidity at 2 m'),
  windSpeed: z.number().nullable().describe('Wind speed at 10 m'),
  windSpeedUnit: z.string(),
  windDirectionDegrees: z.number().nullable().describe('Direction the wind blows from, degrees clockwise from north'),
  windDirection: z.string().nullable().describe('The same direction as a 16-point compass point, e.g. "SW"'),
  precipitation: z.number().nullable().describe('Precipitation (rain, showers, snow) in the last 15 minutes'),
  precipitationUnit: z.string(),
  attribution: attributionOutput,
});

export type CurrentWeatherReport = z.infer<typeof currentWeatherOutput>;

const getWeatherTool = {
  title: 'Current weather',
  description:
    'Current weather at a place: temperature, feels-like temperature, conditions in words, humidity, ' +
    'wind speed and direction, precipitation, and the local time there. ' +
    'location is a city name ("Paris"), a city with its country or region ("Paris, France", "Springfield, Illinois") ' +
    'or "latitude,longitude" ("48.85,2.35"). When a name could mean several places, call search_locations first ' +
    'and pass the coordinates of the one meant.',
  inputSchema: toolSchema('get_weather.input', { location: locationField, units: unitsField }),
  outputSchema: currentWeatherOutput,
  annotations: READ_ONLY_WEB_LOOKUP,
};

export function registerGetWeatherTool(server: McpServer, { client, logger }: WeatherToolDeps): void {
  server.registerTool(
    'get_weather',
    getWeatherTool,
    ({ location, units }, ctx) =>
      runTool(logger, 'get_weather', FORECAST_UPSTREAM, async () => {
        const { signal } = ctx.mcpReq;
        const place = await resolvePlace(client, parseLocation(location), location, signal);
        const report = toCurrentWeatherReport(place, await client.currentWeather(place, units, signal), units);
        return { content: [{ type: 'text', text: formatCurrentWeather(report) }], structuredContent: report };
      }, ctx.mcpReq.signal),
  );
}

export function toCurrentWeatherReport(
  place: ResolvedPlace,
  forecast: CurrentForecastResponse,
  units: TemperatureUnits,
): CurrentWeatherReport {
  const { current, current_units: currentUnits } = forecast;
  const windDirection = current.wind_direction_10m;
  return {
    place: placeOutput(place),
    timezone: forecast.timezone,
    localTime: localTimeAt(forecast.utc_offset_seconds),
    observedAt: current.time,
    units,
    temperature: current.temperature_2m,
    feelsLike: current.apparent_temperature,
    temperatureUnit: currentUnits.temperature_2m,
    conditions: describeWeatherCode(current.weather_code),
    weatherCode: current.weather_code,
    humidityPercent: current.relative_humidity_2m,
    windSpeed: current.wind_speed_10m,
    windSpeedUnit: displayUnit(currentUnits.wind_speed_10m),
    windDirectionDegrees: windDirection,
    windDirection: windDirection === null ? null : compassPoint(windDirection),
    precipitation: current.precipitation,
    precipitationUnit: displayUnit(currentUnits.precipitation),
    attribution: OPEN_METEO_ATTRIBUTION,
  };
}

export function formatCurrentWeather(report: CurrentWeatherReport): string {
  const wind =
    report.windSpeed === null
      ? 'not reported'
      : report.windDirection === null
        ? formatMeasure(report.windSpeed, report.windSpeedUnit)
        : `${formatMeasure(report.windSpeed, report.windSpeedUnit)} from the ${report.windDirection} (${report.windDirectionDegrees}°)`;
  return [
    `Current weather in ${describePlace(report.place)}`,
    `Local time: ${report.localTime.replace('T', ' ')} (${report.timezone})`,
    `Conditions: ${report.conditions}`,
    `Temperature: ${formatMeasure(report.temperature, report.temperatureUnit)} (feels like ${formatMeasure(report.feelsLike, report.temperatureUnit)})`,
    `Humidity: ${formatMeasure(report.humidityPercent, '%')}`,
    `Wind: ${wind}`,
    `Precipitation: ${formatMeasure(report.precipitation, report.precipitationUnit)}`,
    `Reading taken at ${clockTime(report.observedAt)} local time.`,
    report.attribution,
  ].join('\n');
}
