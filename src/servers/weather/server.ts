import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Logger } from 'pino';
import { createServerLogger } from '../kit/logger';
import { serveOverStdio } from '../kit/stdio';
import { readWeatherConfig, type WeatherConfig } from './config';
import { OpenMeteoClient } from './open-meteo-client';
import { registerGetForecastTool } from './tools/get-forecast';
import { registerGetWeatherTool } from './tools/get-weather';
import { registerSearchLocationsTool } from './tools/search-locations';
import { registerWeatherBriefingPrompt } from './weather-briefing-prompt';
import { registerWmoCodesResource } from './wmo-codes-resource';

export const WEATHER_SERVER_VERSION = '0.1.0';

const INSTRUCTIONS =
  'Weather for any place, from Open-Meteo (no account needed). get_weather gives the conditions now, get_forecast ' +
  'daily forecasts for up to 16 days, search_locations tells places with the same name apart. A location is a city ' +
  'name, "City, Country" or "lat,lon". Credit "Weather data by Open-Meteo.com" when showing the data.';

export function createWeatherServer(config: WeatherConfig, logger: Logger): McpServer {
  const server = new McpServer(
    { name: 'mcp-tray-weather', title: 'Weather (Open-Meteo)', version: WEATHER_SERVER_VERSION },
    { instructions: INSTRUCTIONS },
  );
  const client = new OpenMeteoClient(config, logger, `mcp-tray-weather/${WEATHER_SERVER_VERSION}`);
  const deps = { client, logger };
  registerGetWeatherTool(server, deps);
  registerGetForecastTool(server, deps);
  registerSearchLocationsTool(server, deps);
  registerWeatherBriefingPrompt(server);
  registerWmoCodesResource(server);
  return server;
}

/** Reads the environment and serves over stdio; throws (before anything is served) when a setting is invalid. */
export async function runWeatherServer(env: NodeJS.ProcessEnv): Promise<void> {
  const config = readWeatherConfig(env);
  const logger = createServerLogger('weather', { level: config.logLevel });
  await serveOverStdio(createWeatherServer(config, logger), logger);
}
