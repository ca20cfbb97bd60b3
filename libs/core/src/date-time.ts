/**
 * The ISO 8601 forms every JavaScript runtime parses the same way: a date, or a date and time
 * with optional seconds, fraction and offset (2025-01-01, 2025-01-01T00:00:00.5Z,
 * 2025-01-01T02:00+02:00). Basic (20250101) and week (2025-W01) forms are valid ISO 8601 but
 * parse to an invalid Date, so they are refused with the rest.
 */
export const ISO_DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** A real instant in years 1 to 9999: what a query may pass to the database. */
export function isUsableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST && time <= LATEST;
}
