import { describe, expect, it } from 'vitest';
import { compassPoint } from './compass';

describe('compassPoint', () => {
  it.each([
    [0, 'N'],
    [11.24, 'N'],
    [11.25, 'NNE'],
    [45, 'NE'],
    [90, 'E'],
    [135, 'SE'],
    [180, 'S'],
    [202.5, 'SSW'],
    [225, 'SW'],
    [270, 'W'],
    [315, 'NW'],
    [348.74, 'NNW'],
    [348.75, 'N'],
    [360, 'N'],
    [-45, 'NW'],
    [450, 'E'],
  ])('%d° is %s', (degrees, point) => {
    expect(compassPoint(degrees)).toBe(point);
  });
});
