export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** "48.85°N, 2.35°E": how a place given only by coordinates is named. */
export function formatCoordinates({ latitude, longitude }: Coordinates): string {
  const lat = `${trimDecimals(Math.abs(latitude))}°${latitude < 0 ? 'S' : 'N'}`;
  const lon = `${trimDecimals(Math.abs(longitude))}°${longitude < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lon}`;
}

/**
 * Two decimals is about 1 km, finer than Open-Meteo's model grid, so nearby requests can share
 * one cached answer without changing the weather they get.
 */
export function roundCoordinates({ latitude, longitude }: Coordinates): Coordinates {
  return { latitude: roundTo2(latitude), longitude: roundTo2(longitude) };
}

function roundTo2(value: number): number {
  // Adding 0 turns -0 into 0, so "-0.001" and "0.001" share one cache key.
  return Math.round(value * 100) / 100 + 0;
}

function trimDecimals(value: number): string {
  return String(Number(value.toFixed(4)));
}
