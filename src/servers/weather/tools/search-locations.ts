import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { ToolFailure } from '../../kit/errors';
import { runTool } from '../../kit/tool-runner';
import { toolSchema } from '../../kit/tool-schema';
import { parseLocation } from '../location';
import { GEOCODING_UPSTREAM, OPEN_METEO_ATTRIBUTION } from '../open-meteo-client';
import type { GeocodingPlace } from '../open-meteo-schemas';
import { filterPlaces, placeNotFoundMessage, toResolvedPlace } from '../place-resolver';
import { attributionOutput, READ_ONLY_WEB_LOOKUP, type WeatherToolDeps } from './tool-fields';
import { groupDigits } from '../../kit/group-digits';

const QUERY_EXAMPLES = 'a place name such as "Springfield", optionally with its region or country ("Springfield, Illinois")';
const COUNT_MESSAGE = 'count must be a whole number from 1 to 10';

const candidateOutput = z.object({
  name: z.string(),
  region: z.string().nullable().describe('State, province or other first-level region'),
  country: z.string().nullable(),
  countryCode: z.string().nullable().describe('ISO 3166-1 alpha-2 code'),
  latitude: z.number(),
  longitude: z.number(),
  location: z.string().describe('Coordinates as "lat,lon", ready to pass to get_weather or get_forecast'),
  population: z.number().nullable(),
  timezone: z.string().nullable().describe('IANA time zone'),
  elevationMeters: z.number().nullable(),
});

const searchOutput = toolSchema('search_locations.output', {
  query: z.string(),
  results: z.array(candidateOutput).describe('Best match first; empty when nothing matched'),
  attribution: attributionOutput,
});

type SearchReport = z.infer<typeof searchOutput>;
type Candidate = z.infer<typeof candidateOutput>;

const searchLocationsTool = {
  title: 'Find places by name',
  description:
    'Lists places matching a name, best match first, with region, country, coordinates, population and time zone, ' +
    'to tell one Springfield from another. Narrow it with a region or country after a comma ("Springfield, Oregon"). ' +
    'Pass the chosen result\'s "location" (its coordinates) to get_weather or get_forecast.',
  inputSchema: toolSchema('search_locations.input', {
    query: z
      .string({ error: `query must be text: ${QUERY_EXAMPLES}` })
      .trim()
      .min(2, { error: `query needs at least 2 characters: type ${QUERY_EXAMPLES}` })
      .max(200, { error: `query is too long: type ${QUERY_EXAMPLES}` })
      .describe('A place name, optionally followed by a region or country after a comma.'),
    count: z
      .number({ error: COUNT_MESSAGE })
      .int({ error: COUNT_MESSAGE })
      .min(1, { error: COUNT_MESSAGE })
      .max(10, { error: COUNT_MESSAGE })
      .default(5)
      .describe('How many places to list at most: 1 to 10.'),
  }),
  outputSchema: searchOutput,
  annotations: READ_ONLY_WEB_LOOKUP,
};

export function registerSearchLocationsTool(server: McpServer, { client, logger }: WeatherToolDeps): void {
  server.registerTool(
    'search_locations',
    searchLocationsTool,
    ({ query, count }, ctx) =>
      runTool(logger, 'search_locations', GEOCODING_UPSTREAM, async () => {
        const parsed = parseLocation(query);
        if (parsed.kind === 'coordinates') {
          throw new ToolFailure(
            `"${query}" is already a pair of coordinates, and search_locations looks places up by name. ` +
              'Pass the coordinates straight to get_weather or get_forecast as location, or type a place name here.',
          );
        }
        const places = filterPlaces(await client.searchPlaces(parsed.name, ctx.mcpReq.signal), parsed.qualifiers).slice(0, count);
        const report: SearchReport = { query, results: places.map(toCandidate), attribution: OPEN_METEO_ATTRIBUTION };
        return { content: [{ type: 'text', text: formatSearch(report) }], structuredContent: report };
      }, ctx.mcpReq.signal),
  );
}

/** A resolved place (the same fields get_weather and get_forecast report) plus what helps a person choose among several. */
function toCandidate(place: GeocodingPlace): Candidate {
  return {
    ...toResolvedPlace(place),
    location: `${place.latitude},${place.longitude}`,
    population: place.population ?? null,
    timezone: place.timezone ?? null,
    elevationMeters: place.elevation ?? null,
  };
}

function formatSearch(report: SearchReport): string {
  if (report.results.length === 0) return `${placeNotFoundMessage(report.query)}\n${report.attribution}`;
  const lines = report.results.map((place, index) => {
    const label = [place.name, place.region, place.country].filter(Boolean).join(', ');
    const details = [
      `location "${place.location}"`,
      place.population === null ? undefined : `population ${groupDigits(place.population)}`,
      place.timezone ?? undefined,
    ].filter(Boolean);
    return `${index + 1}. ${label}: ${details.join(', ')}`;
  });
  const noun = report.results.length === 1 ? 'place matches' : 'places match';
  return [
    `${report.results.length} ${noun} "${report.query}":`,
    ...lines,
    'Pass the chosen location to get_weather or get_forecast.',
    report.attribution,
  ].join('\n');
}
