import type { ToolAnnotations } from '@modelcontextprotocol/server';
import type { ServerLogger } from '../../kit/logger';
import * as z from 'zod';
import { LOCATION_EXAMPLES } from '../location';
import { OPEN_METEO_ATTRIBUTION, type OpenMeteoClient } from '../open-meteo-client';
import type { ResolvedPlace } from '../place-resolver';

export interface WeatherToolDeps {
  client: OpenMeteoClient;
  logger: ServerLogger;
}

/** Every weather tool only reads public data from the internet and may be repeated freely. */
export const READ_ONLY_WEB_LOOKUP: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

// The SDK returns these messages as the tool error, followed by " at <field>", so each says what to type instead.
export const locationField = z
  .string({ error: `location must be text: ${LOCATION_EXAMPLES}` })
  .trim()
  .min(2, { error: `location needs at least 2 characters: type ${LOCATION_EXAMPLES}` })
  .max(200, { error: `location is too long: type ${LOCATION_EXAMPLES}` })
  .describe(
    'A city name ("Paris"), a city with its country or region ("Paris, France", "Springfield, Illinois") ' +
      'or coordinates as "latitude,longitude" ("48.85,2.35").',
  );

export const unitsField = z
  .enum(['celsius', 'fahrenheit'], { error: 'units must be "celsius" or "fahrenheit"' })
  .default('celsius')
  .describe('"celsius" (with km/h and mm) or "fahrenheit" (with mph and inches).');

export const placeOutputSchema = z.object({
  name: z.string().describe('Place name, or its coordinates when it was given as "lat,lon"'),
  region: z.string().nullable().describe('State, province or other first-level region'),
  country: z.string().nullable(),
  countryCode: z.string().nullable().describe('ISO 3166-1 alpha-2 code'),
  latitude: z.number(),
  longitude: z.number(),
});

export const unitsOutput = z.enum(['celsius', 'fahrenheit']);
export const attributionOutput = z.literal(OPEN_METEO_ATTRIBUTION);

export function placeOutput(place: ResolvedPlace): z.infer<typeof placeOutputSchema> {
  const { name, region, country, countryCode, latitude, longitude } = place;
  return { name, region, country, countryCode, latitude, longitude };
}
