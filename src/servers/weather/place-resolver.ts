import { ToolFailure } from '../kit/errors';
import { formatCoordinates } from './coordinates';
import type { LocationQuery } from './location';
import type { OpenMeteoClient } from './open-meteo-client';
import type { GeocodingPlace } from './open-meteo-schemas';

/** A place the weather is reported for: either found by name or given as coordinates. */
export interface ResolvedPlace {
  name: string;
  /** First-level region (state, province), when known. */
  region: string | null;
  country: string | null;
  countryCode: string | null;
  latitude: number;
  longitude: number;
}

// Common ways of writing a country that Open-Meteo's names and ISO codes do not cover.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'us',
  'u.s.': 'us',
  'u.s.a.': 'us',
  america: 'us',
  'united states of america': 'us',
  uk: 'gb',
  'u.k.': 'gb',
  britain: 'gb',
  'great britain': 'gb',
};

/** Turns what the person typed into one place, looking names up with Open-Meteo's geocoding. */
export async function resolvePlace(
  client: OpenMeteoClient,
  query: LocationQuery,
  typed: string,
  signal?: AbortSignal,
): Promise<ResolvedPlace> {
  if (query.kind === 'coordinates') {
    const { latitude, longitude } = query.coordinates;
    return { name: formatCoordinates(query.coordinates), region: null, country: null, countryCode: null, latitude, longitude };
  }
  const candidates = await client.searchPlaces(query.name, signal);
  const match = filterPlaces(candidates, query.qualifiers)[0];
  if (!match) throw placeNotFound(typed, query.name, candidates);
  return toResolvedPlace(match);
}

/**
 * Open-Meteo's search does not understand "City, Country", so the city is searched alone and the
 * rest of what was typed (country, ISO code or region) picks among the results.
 */
export function filterPlaces(places: GeocodingPlace[], qualifiers: string[]): GeocodingPlace[] {
  if (qualifiers.length === 0) return places;
  const wanted = qualifiers.map(normalize);
  return places.filter((place) => {
    const known = [place.country, place.country_code, place.admin1]
      .filter((value): value is string => value !== undefined)
      .map(normalize);
    return wanted.every((qualifier) => known.includes(qualifier) || known.includes(COUNTRY_ALIASES[qualifier] ?? ''));
  });
}

export function toResolvedPlace(place: GeocodingPlace): ResolvedPlace {
  return {
    name: place.name,
    region: place.admin1 ?? null,
    country: place.country ?? null,
    countryCode: place.country_code ?? null,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

export function placeNotFoundMessage(typed: string): string {
  return (
    `No place called "${typed.trim()}" was found. Try a larger nearby city, add the country ("Paris, France"), ` +
    'or pass coordinates like "48.85,2.35".'
  );
}

/** "Paris, Île-de-France, France (48.85°N, 2.35°E)"; a place named by its coordinates is not named twice. */
export function describePlace(place: ResolvedPlace): string {
  const coordinates = formatCoordinates(place);
  if (place.name === coordinates) return coordinates;
  const parts = [place.name];
  if (place.region && place.region !== place.name) parts.push(place.region);
  if (place.country) parts.push(place.country);
  return `${parts.join(', ')} (${coordinates})`;
}

function placeNotFound(typed: string, name: string, candidates: GeocodingPlace[]): ToolFailure {
  // When the name exists but not where it was asked for, say where it does exist.
  const elsewhere = [...new Set(candidates.map((place) => [place.admin1, place.country].filter(Boolean).join(', ')))].filter(Boolean);
  const hint = elsewhere.length > 0 ? ` Places called "${name}" were found in: ${elsewhere.slice(0, 5).join('; ')}.` : '';
  return new ToolFailure(placeNotFoundMessage(typed) + hint, 'not_found');
}

/** Case- and accent-insensitive, so "zurich" matches "Zürich" and "fr" matches "FR". */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').trim().toLowerCase();
}
