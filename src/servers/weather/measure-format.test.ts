import { describe, expect, it } from 'vitest';
import { clockTime, displayUnit, formatMeasure, localTimeAt, weekdayOf } from './measure-format';

describe('measure formatting', () => {
  it('joins degrees and percent to the number and spaces other units', () => {
    expect(formatMeasure(7.9, '°C')).toBe('7.9°C');
    expect(formatMeasure(81, '%')).toBe('81%');
    expect(formatMeasure(15.8, 'km/h')).toBe('15.8 km/h');
    expect(formatMeasure(null, 'mm')).toBe('not reported');
  });

  it("turns Open-Meteo's unit spellings into everyday ones", () => {
    expect(displayUnit('mp/h')).toBe('mph');
    expect(displayUnit('inch')).toBe('in');
    expect(displayUnit('km/h')).toBe('km/h');
  });

  it('reads clock times, local times and weekdays', () => {
    expect(clockTime('2025-01-14T08:39')).toBe('08:39');
    expect(clockTime(null)).toBe('not reported');
    expect(localTimeAt(3600, Date.UTC(2025, 0, 14, 23, 30))).toBe('2025-01-15T00:30');
    expect(localTimeAt(-21600, Date.UTC(2025, 0, 14, 3, 5))).toBe('2025-01-13T21:05');
    expect(weekdayOf('2025-01-14')).toBe('Tue');
  });
});
