/**
 * A `date-time` argument is an RFC 3339 instant, but <input type="datetime-local"> holds a zone-less
 * local time. These convert between the two in the user's own time zone.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** "2024-05-01T12:00:00Z" -> "2024-05-01T14:00:00" in UTC+2; '' when the text is not a date. */
export function toLocalDateTimeInput(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** "2024-05-01T14:00" (local) -> "2024-05-01T12:00:00Z"; undefined when the input is incomplete. */
export function fromLocalDateTimeInput(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return undefined;
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace('.000Z', 'Z');
}
