import { eld } from "eld/large";

/** BCP-47 "undetermined". */
export const UNDETERMINED = "und";

// Below this many letters the detector guesses confidently but wrongly ("Hello world." → "no").
const MIN_LETTERS = 20;
// A few thousand characters identify a language as well as a whole article, much faster.
const DETECTION_SAMPLE_CHARS = 5_000;

/**
 * Detects the language of `text` and returns an ISO 639-1 code (a valid BCP-47 tag) such as
 * "ru", "uk", "en" or "ar". Returns "und" for text with fewer than 20 letters and whenever
 * the detector itself reports the result as unreliable.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, DETECTION_SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return UNDETERMINED;
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : UNDETERMINED;
}

/**
 * Canonicalizes a BCP-47 tag ("en_us" → "en-US"), or returns undefined if it is not one.
 * Underscores are accepted because POSIX locales and some CMSs write tags that way.
 */
export function canonicalLanguageTag(tag: string): string | undefined {
  const candidate = tag.trim().replace(/_/g, "-");
  if (!candidate) return undefined;
  try {
    return Intl.getCanonicalLocales(candidate)[0];
  } catch {
    return undefined;
  }
}
