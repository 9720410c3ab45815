import { describe, expect, it } from 'vitest';
import { ToolFailure } from '../kit/errors';
import { parseLocation } from './location';

describe('parseLocation', () => {
  it.each([
    ['48.85,2.35', 48.85, 2.35],
    [' -33.87 , 151.21 ', -33.87, 151.21],
    ['40.7 -74', 40.7, -74],
    ['+10;-20.5', 10, -20.5],
    ['90,-180', 90, -180],
  ])('reads %j as coordinates', (text, latitude, longitude) => {
    expect(parseLocation(text)).toEqual({ kind: 'coordinates', coordinates: { latitude, longitude } });
  });

  it.each([
    ['Paris', 'Paris', []],
    ['  New York  ', 'New York', []],
    ['Paris, France', 'Paris', ['France']],
    ['Springfield, Illinois, US', 'Springfield', ['Illinois', 'US']],
    ['Paris,,', 'Paris', []],
    ['Rio', 'Rio', []],
    ['48.85', '48.85', []],
  ])('reads %j as a name with qualifiers', (text, name, qualifiers) => {
    expect(parseLocation(text)).toEqual({ kind: 'name', name, qualifiers });
  });

  it.each([
    ['91,0', /^Latitude 91 is out of range: it must be between -90 and 90\./],
    ['-90.01,0', /^Latitude -90.01 is out of range/],
    ['0,180.5', /^Longitude 180.5 is out of range: it must be between -180 and 180\./],
    ['P', /the place name needs at least 2 letters/],
    [', France', /the place name needs at least 2 letters/],
    ['', /the place name needs at least 2 letters/],
  ])('refuses %j with a message saying what to type', (text, message) => {
    expect(() => parseLocation(text)).toThrow(ToolFailure);
    expect(() => parseLocation(text)).toThrow(message);
  });
});
