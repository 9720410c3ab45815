import { ToolFailure } from '../kit/errors';
import type { Coordinates } from './coordinates';

/** What a person typed as a location, before any lookup. */
export type LocationQuery =
  | { kind: 'coordinates'; coordinates: Coordinates }
  /** `qualifiers` are the parts after the first comma: "Springfield, Illinois, US" -> ["Illinois", "US"]. */
  | { kind: 'name'; name: string; qualifiers: string[] };

export const LOCATION_EXAMPLES = 'a city name ("Paris"), a city and country ("Paris, France") or coordinates ("48.85,2.35")';

// Two signed decimals separated by a comma, semicolon or space: "48.85,2.35", "-33.9, 151.2", "40.7 -74".
const COORDINATES_PATTERN = /^([+-]?\d+(?:\.\d+)?)\s*[,;\s]\s*([+-]?\d+(?:\.\d+)?)$/;

/** Reads "lat,lon", "City" or "City, Country"; throws a ToolFailure that says what to type when it cannot. */
export function parseLocation(text: string): LocationQuery {
  const trimmed = text.trim();
  const numbers = COORDINATES_PATTERN.exec(trimmed);
  if (numbers) {
    const latitude = Number(numbers[1]);
    const longitude = Number(numbers[2]);
    checkRange('Latitude', latitude, 90);
    checkRange('Longitude', longitude, 180);
    return { kind: 'coordinates', coordinates: { latitude, longitude } };
  }

  const [name = '', ...rest] = trimmed.split(',').map((part) => part.trim());
  if (name.length < 2) {
    throw new ToolFailure(
      `"${trimmed}" is not a place this server can look up: the place name needs at least 2 letters. Type ${LOCATION_EXAMPLES}.`,
    );
  }
  return { kind: 'name', name, qualifiers: rest.filter((part) => part.length > 0) };
}

function checkRange(label: 'Latitude' | 'Longitude', value: number, limit: number): void {
  if (Math.abs(value) > limit) {
    throw new ToolFailure(
      `${label} ${value} is out of range: it must be between -${limit} and ${limit}. ` +
        'Pass coordinates as "latitude,longitude", e.g. "48.85,2.35" for Paris.',
    );
  }
}
