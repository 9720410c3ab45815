import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { toolSchema } from '../kit/tool-schema';
import { LOCATION_EXAMPLES } from './location';
import { OPEN_METEO_ATTRIBUTION } from './open-meteo-client';

const weatherBriefingPrompt = {
  title: 'Weather briefing',
  description: 'A short briefing on the weather now and over the next three days at one place, with what to wear or bring.',
  argsSchema: toolSchema('weather-briefing.args', {
    location: z
      .string({ error: `location must be text: ${LOCATION_EXAMPLES}` })
      .trim()
      .min(2, { error: `location needs at least 2 characters: type ${LOCATION_EXAMPLES}` })
      .describe(`Where the briefing is for: ${LOCATION_EXAMPLES}.`),
  }),
};

export function registerWeatherBriefingPrompt(server: McpServer): void {
  server.registerPrompt(
    'weather-briefing',
    weatherBriefingPrompt,
    ({ location }) => ({
      description: `Weather briefing for ${location}`,
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Give me a short weather briefing for ${location}.`,
              `1. Call get_weather with location "${location}" for the conditions right now.`,
              `2. Call get_forecast with location "${location}" and days 3 for the days ahead.`,
              'If the place is ambiguous or not found, call search_locations and ask me which one I mean.',
              'Then, in a few sentences: the conditions now and the local time, how the next three days look ' +
                '(highs, lows, rain chances), and anything worth preparing for (umbrella, warm layers, heat, wind).',
              `End with "${OPEN_METEO_ATTRIBUTION}".`,
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
