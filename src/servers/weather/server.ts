import { McpServer, type McpServerFactory } from '@modelcontextprotocol/server';
import type { ServerLogger } from '../kit/logger';
import { createServerLogger } from '../kit/logger';
import { serveByFlag } from '../kit/serve';
import { readWeatherConfig, type WeatherConfig } from './config';
import { OpenMeteoClient } from './open-meteo-client';
import type { WeatherToolDeps } from './tools/tool-fields';
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

/** What lives as long as the process: the Open-Meteo client with its cache and rate limiter. */
export function createWeatherRuntime(config: WeatherConfig, logger: ServerLogger): WeatherToolDeps {
  return { client: new OpenMeteoClient(config, logger, `mcp-tray-weather/${WEATHER_SERVER_VERSION}`), logger };
}

/**
 * Builds one MCP server over the shared runtime. The SDK calls it per HTTP request and per stdio
 * connection, so it only registers tools, the prompt and the resource.
 */
export function weatherServerFactory(runtime: WeatherToolDeps): McpServerFactory {
  return () => {
    const server = new McpServer(
      { name: 'mcp-tray-weather', title: 'Weather (Open-Meteo)', version: WEATHER_SERVER_VERSION },
      { instructions: INSTRUCTIONS },
    );
    registerGetWeatherTool(server, runtime);
    registerGetForecastTool(server, runtime);
    registerSearchLocationsTool(server, runtime);
    registerWeatherBriefingPrompt(server);
    registerWmoCodesResource(server);
    return server;
  };
}

/** Reads the environment and serves; throws (before anything is served) when a setting is invalid. */
export async function runWeatherServer(env: NodeJS.ProcessEnv, argv: readonly string[]): Promise<void> {
  const config = readWeatherConfig(env);
  const logger = createServerLogger('weather', { level: config.logLevel });
  await serveByFlag('weather', weatherServerFactory(createWeatherRuntime(config, logger)), env, argv, logger);
}
