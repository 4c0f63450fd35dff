/* Pure and client-safe: used by the import parsers and by the schemas the forms share. */

/**
 * Accepts ISO 8601 dates ("2021-03-05") and date-times, returning a full UTC timestamp.
 * Anything else is rejected because `Date.parse` happily reads "1" as the year 2001.
 * A date-time without an offset is taken as UTC so the result does not depend on the
 * server's time zone.
 */
export function toIsoDateTime(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value.trim());
  if (!match) return undefined;
  const [, date, time, zone] = match;
  // V8 rolls impossible days over ("2024-02-31" becomes March 2): require a round trip.
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) return undefined;
  const parsed = time ? new Date(`${date}T${time}${zone ?? "Z"}`) : day;
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}
