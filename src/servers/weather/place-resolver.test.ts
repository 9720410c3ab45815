import { describe, expect, it } from 'vitest';
import type { GeocodingPlace } from './open-meteo-schemas';
import { describePlace, filterPlaces, toResolvedPlace } from './place-resolver';

const place = (fields: Partial<GeocodingPlace> & { id: number }): GeocodingPlace => ({ name: 'Paris', latitude: 0, longitude: 0, ...fields });

const candidates = [
  place({ id: 1, country: 'France', country_code: 'FR', admin1: 'Île-de-France' }),
  place({ id: 2, country: 'United States', country_code: 'US', admin1: 'Texas' }),
  place({ id: 3, country: 'United States', country_code: 'US', admin1: 'Tennessee' }),
  place({ id: 4, country: 'United Kingdom', country_code: 'GB', admin1: 'England' }),
  place({ id: 5 }),
];

const ids = (places: GeocodingPlace[]) => places.map((entry) => entry.id);

describe('filterPlaces', () => {
  it('keeps everything when nothing follows the name', () => {
    expect(ids(filterPlaces(candidates, []))).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    [['France'], [1]],
    [['fr'], [1]],
    [['united states'], [2, 3]],
    [['USA'], [2, 3]],
    [['UK'], [4]],
    [['Tennessee'], [3]],
    [['ile-de-france'], [1]],
    [['US', 'Texas'], [2]],
    [['Germany'], []],
    [['US', 'England'], []],
  ])('matches %j against country, country code and region', (qualifiers, expected) => {
    expect(ids(filterPlaces(candidates, qualifiers))).toEqual(expected);
  });
});

describe('describePlace', () => {
  it('names the place, its region and country, and its coordinates', () => {
    const paris = toResolvedPlace(place({ id: 1, country: 'France', admin1: 'Île-de-France', latitude: 48.85341, longitude: 2.3488 }));
    expect(describePlace(paris)).toBe('Paris, Île-de-France, France (48.8534°N, 2.3488°E)');
  });

  it('leaves out a region equal to the name and missing parts', () => {
    const berlin = toResolvedPlace(place({ id: 2, name: 'Berlin', admin1: 'Berlin', country: 'Germany', latitude: 52.5, longitude: 13.4 }));
    expect(describePlace(berlin)).toBe('Berlin, Germany (52.5°N, 13.4°E)');
    const bare = toResolvedPlace(place({ id: 5, name: 'Vostok', latitude: -78.46, longitude: 106.84 }));
    expect(describePlace(bare)).toBe('Vostok (78.46°S, 106.84°E)');
  });

  it('does not repeat a place named by its coordinates', () => {
    const byCoordinates = { name: '1.5°S, 2°W', region: null, country: null, countryCode: null, latitude: -1.5, longitude: -2 };
    expect(describePlace(byCoordinates)).toBe('1.5°S, 2°W');
  });
});
