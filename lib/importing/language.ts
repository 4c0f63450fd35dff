/** BCP-47 "undetermined". */
export const UNDETERMINED = "und";

// Below this many letters the detector guesses confidently but wrongly ("Hello world." → "no").
const MIN_LETTERS = 20;
// A few thousand characters identify a language as well as a whole article, much faster.
const DETECTION_SAMPLE_CHARS = 5_000;

type Detector = (typeof import("eld/extrasmall"))["eld"];

let detector: Promise<Detector> | undefined;

/*
 * The n-gram model is loaded on the first detection, not when lib/importing is imported: most
 * importers of this folder (hashing, slugs, imports with a given language) never detect.
 * The extra-small model adds ~65 MB of RSS and ~0.3 s on first use, against ~350 MB and ~2 s
 * for the large one, and tells ru/uk/en/de/fr/es/ar apart as well in our tests, down to 20
 * letters (eld's own benchmark: 98.7% vs 99.2% on single sentences; articles are longer).
 */
function loadDetector(): Promise<Detector> {
  detector ??= import("eld/extrasmall").then(
    (module) => module.eld,
    (error: unknown) => {
      detector = undefined; // let the next call try again
      throw error;
    },
  );
  return detector;
}

// MIN_LETTERS letters anywhere, found by one scan that stops at the last one needed, instead of
// collecting every letter of the sample (a bulk import detects tens of thousands of articles).
const AT_LEAST_MIN_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${MIN_LETTERS}}`, "u");

/**
 * Detects the language of `text` and resolves to an ISO 639-1 code (a valid BCP-47 tag) such
 * as "ru", "uk", "en" or "ar". Resolves to "und" for text with fewer than 20 letters (without
 * loading the model) and whenever the detector itself reports the result as unreliable.
 */
export async function detectLanguage(text: string): Promise<string> {
  const sample = text.slice(0, DETECTION_SAMPLE_CHARS);
  if (!AT_LEAST_MIN_LETTERS.test(sample)) return UNDETERMINED;
  const result = (await loadDetector()).detect(sample);
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
