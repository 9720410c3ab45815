/** WMO weather interpretation codes (WW) as Open-Meteo documents them for `weather_code`. */
export const WMO_WEATHER_CODES: ReadonlyMap<number, string> = new Map([
  [0, 'Clear sky'],
  [1, 'Mainly clear'],
  [2, 'Partly cloudy'],
  [3, 'Overcast'],
  [45, 'Fog'],
  [48, 'Depositing rime fog'],
  [51, 'Light drizzle'],
  [53, 'Moderate drizzle'],
  [55, 'Dense drizzle'],
  [56, 'Light freezing drizzle'],
  [57, 'Dense freezing drizzle'],
  [61, 'Slight rain'],
  [63, 'Moderate rain'],
  [65, 'Heavy rain'],
  [66, 'Light freezing rain'],
  [67, 'Heavy freezing rain'],
  [71, 'Slight snowfall'],
  [73, 'Moderate snowfall'],
  [75, 'Heavy snowfall'],
  [77, 'Snow grains'],
  [80, 'Slight rain showers'],
  [81, 'Moderate rain showers'],
  [82, 'Violent rain showers'],
  [85, 'Slight snow showers'],
  [86, 'Heavy snow showers'],
  [95, 'Thunderstorm'],
  [96, 'Thunderstorm with slight hail'],
  [99, 'Thunderstorm with heavy hail'],
]);

/** Conditions in words; a code outside the table is named rather than hidden, so it can be looked up. */
export function describeWeatherCode(code: number | null): string {
  if (code === null) return 'Conditions not reported';
  return WMO_WEATHER_CODES.get(code) ?? `Unknown conditions (WMO code ${code})`;
}

/** The table as markdown, for the `weather://wmo-codes` resource. */
export function wmoCodesMarkdown(): string {
  const rows = [...WMO_WEATHER_CODES].map(([code, description]) => `| ${code} | ${description} |`);
  return [
    '# WMO weather codes',
    '',
    'The `weather_code` values Open-Meteo reports, and the words this server uses for them.',
    '',
    '| Code | Conditions |',
    '| ---: | --- |',
    ...rows,
    '',
    'Weather data by Open-Meteo.com',
    '',
  ].join('\n');
}
