/** The string formats the form gives their own inputs to, and how each is checked. */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isUri(text: string): boolean {
  if (!SCHEME.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** The formats checked here; the validator checks the others it knows, and lets unknown ones pass. */
export const FORMAT_NAMES = ['email', 'uri', 'url', 'iri', 'date', 'date-time', 'time', 'uuid'] as const;

/** Unknown formats pass: JSON Schema makes format an annotation unless a validator knows it. */
export function matchesFormat(format: string, value: string): boolean {
  switch (format) {
    case 'email':
      return EMAIL.test(value);
    case 'uri':
    case 'url':
    case 'iri':
      return isUri(value);
    case 'date':
      return isCalendarDate(value);
    case 'date-time': {
      const match = DATE_TIME.exec(value);
      return match !== null && isCalendarDate(match[1] ?? '') && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 61;
    }
    case 'time':
      return TIME.test(value);
    case 'uuid':
      return UUID.test(value);
    default:
      return true;
  }
}

/** What a value of the format looks like, to finish "must be ...". */
export function formatHint(format: string): string {
  switch (format) {
    case 'email':
      return 'an email address such as name@example.com';
    case 'uri':
    case 'url':
    case 'iri':
      return 'an absolute URI such as https://example.com/page';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'date-time':
      return 'a date and time such as 2024-05-01T12:00:00Z';
    case 'time':
      return 'a time such as 14:30:00';
    case 'uuid':
      return 'a UUID';
    default:
      return `in the "${format}" format`;
  }
}

/** The <input type> that fits a string format; plain text for the rest. */
export function inputTypeForFormat(format: string | undefined): 'text' | 'url' | 'email' | 'date' | 'datetime-local' | 'time' {
  switch (format) {
    case 'uri':
    case 'url':
    case 'iri':
      return 'url';
    case 'email':
      return 'email';
    case 'date':
      return 'date';
    case 'date-time':
      return 'datetime-local';
    case 'time':
      return 'time';
    default:
      return 'text';
  }
}
