import { describe, expect, it } from 'vitest';
import { describeWeatherCode, WMO_WEATHER_CODES, wmoCodesMarkdown } from './wmo-codes';

describe('describeWeatherCode', () => {
  it.each([
    [0, 'Clear sky'],
    [3, 'Overcast'],
    [45, 'Fog'],
    [61, 'Slight rain'],
    [75, 'Heavy snowfall'],
    [82, 'Violent rain showers'],
    [99, 'Thunderstorm with heavy hail'],
  ])('names code %i "%s"', (code, words) => {
    expect(describeWeatherCode(code)).toBe(words);
  });

  it('names an unknown code instead of hiding it, and a missing one plainly', () => {
    expect(describeWeatherCode(42)).toBe('Unknown conditions (WMO code 42)');
    expect(describeWeatherCode(null)).toBe('Conditions not reported');
  });

  it('covers every code Open-Meteo documents', () => {
    expect([...WMO_WEATHER_CODES.keys()]).toEqual([
      0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96, 99,
    ]);
  });

  it('renders the table as markdown with one row per code', () => {
    const rows = wmoCodesMarkdown().split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(WMO_WEATHER_CODES.size);
    expect(rows[0]).toBe('| 0 | Clear sky |');
  });
});
