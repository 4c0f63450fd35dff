import { eld } from "eld/large";

/** BCP-47 "undetermined". */
export const UNDETERMINED = "und";

// A few thousand characters identify a language as well as a whole article, much faster.
const DETECTION_SAMPLE_CHARS = 5_000;

/**
 * Detects the language of `text` and returns an ISO 639-1 code (a valid BCP-47 tag) such as
 * "ru", "uk", "en" or "ar". Returns "und" for empty text and whenever the detector itself
 * reports the result as unreliable (typically a few words, numbers only, or mixed scripts).
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, DETECTION_SAMPLE_CHARS);
  if (!/\p{L}/u.test(sample)) return UNDETERMINED;
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
