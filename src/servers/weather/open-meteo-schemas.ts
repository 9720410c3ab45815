import * as z from 'zod';

// Only the fields this server reads are declared; Open-Meteo's other fields are dropped on parse.
// Values that Open-Meteo reports as null when a model has no data are nullable here.

const nullableNumber = z.number().nullable();

/** One entry of `/v1/search` `results`. Places outside any country (Antarctica, oceans) lack country fields. */
export const geocodingPlaceSchema = z.object({
  id: z.number(),
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  elevation: z.number().optional(),
  feature_code: z.string().optional(),
  country_code: z.string().optional(),
  country: z.string().optional(),
  admin1: z.string().optional(),
  timezone: z.string().optional(),
  population: z.number().optional(),
});

/** The places of one search, as this server caches them. */
export const geocodingPlacesSchema = z.array(geocodingPlaceSchema);

/** `/v1/search` leaves out `results` entirely when nothing matches. */
export const geocodingResponseSchema = z.object({
  results: geocodingPlacesSchema.optional(),
});

export type GeocodingPlace = z.infer<typeof geocodingPlaceSchema>;

const forecastLocationShape = {
  latitude: z.number(),
  longitude: z.number(),
  timezone: z.string(),
  utc_offset_seconds: z.number(),
};

/** `/v1/forecast` with `current=temperature_2m,relative_humidity_2m,apparent_temperature,precipitation,weather_code,wind_speed_10m,wind_direction_10m`. */
export const currentForecastResponseSchema = z.object({
  ...forecastLocationShape,
  current_units: z.object({
    temperature_2m: z.string(),
    apparent_temperature: z.string(),
    precipitation: z.string(),
    wind_speed_10m: z.string(),
  }),
  current: z.object({
    time: z.string(),
    temperature_2m: nullableNumber,
    relative_humidity_2m: nullableNumber,
    apparent_temperature: nullableNumber,
    precipitation: nullableNumber,
    weather_code: nullableNumber,
    wind_speed_10m: nullableNumber,
    wind_direction_10m: nullableNumber,
  }),
});

export type CurrentForecastResponse = z.infer<typeof currentForecastResponseSchema>;

const dailySeries = z.array(nullableNumber);
const dailyTimes = z.array(z.string().nullable());

/** `/v1/forecast` with `daily=weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,sunrise,sunset`. */
export const dailyForecastResponseSchema = z.object({
  ...forecastLocationShape,
  daily_units: z.object({
    temperature_2m_max: z.string(),
    precipitation_sum: z.string(),
  }),
  daily: z.object({
    time: z.array(z.string()),
    weather_code: dailySeries,
    temperature_2m_max: dailySeries,
    temperature_2m_min: dailySeries,
    precipitation_sum: dailySeries,
    precipitation_probability_max: dailySeries,
    sunrise: dailyTimes,
    sunset: dailyTimes,
  }),
});

export type DailyForecastResponse = z.infer<typeof dailyForecastResponseSchema>;
