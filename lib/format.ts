// Made once: building an Intl formatter costs far more than using one, and a library page formats a hundred values.
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });
const CALENDAR_DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A language tag as an English name ("ru" → "Russian"), falling back to the tag itself. */
export function languageName(tag: string): string {
  try {
    return LANGUAGE_NAMES.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A calendar date in one fixed zone, so server and browser render the same text. */
export function formatDate(date: Date): string {
  return CALENDAR_DATE.format(date);
}

/**
 * The words around `text[start, end)` for showing a span in its context: at most `size` characters
 * each side, cut at a word boundary and marked with an ellipsis where cut.
 */
export function spanContext(text: string, start: number, end: number, size: number): { before: string; after: string } {
  let before = text.slice(0, start);
  if (before.length > size) {
    const cut = before.slice(-size);
    before = `…${cut.slice(cut.indexOf(" ") + 1)}`;
  }
  let after = text.slice(end);
  if (after.length > size) {
    const cut = after.slice(0, size);
    after = `${cut.slice(0, cut.lastIndexOf(" "))}…`;
  }
  return { before, after };
}
