// Open-Meteo spells some units for machines ("mp/h", "inch"); people read "mph" and "in".
const DISPLAY_UNITS: Readonly<Record<string, string>> = { 'mp/h': 'mph', inch: 'in' };

export function displayUnit(unit: string): string {
  return DISPLAY_UNITS[unit] ?? unit;
}

/** "7.9°C", "81%", "15.8 km/h"; a missing value reads "not reported". */
export function formatMeasure(value: number | null, unit: string): string {
  if (value === null) return 'not reported';
  const joined = unit.startsWith('°') || unit === '%';
  return `${value}${joined ? '' : ' '}${unit}`;
}

/** "2025-01-05T08:43" -> "08:43": Open-Meteo gives local times without an offset when timezone=auto. */
export function clockTime(localIso: string | null): string {
  if (!localIso) return 'not reported';
  return localIso.slice(11, 16) || localIso;
}

/** Local wall-clock time at a UTC offset, as "YYYY-MM-DDTHH:MM". */
export function localTimeAt(utcOffsetSeconds: number, now = Date.now()): string {
  return new Date(now + utcOffsetSeconds * 1000).toISOString().slice(0, 16);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "2025-01-05" -> "Sun". */
export function weekdayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[day] ?? '';
}
