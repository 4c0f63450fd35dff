import { englishLemmas } from "./english";
import { russianLemmas, russianNameLemmas } from "./russian";

/**
 * Languages whose words get a real lemmatiser. Cyrillic words in any of
 * these texts are Russian and Latin words English (names and quotes in a
 * Russian story are English far more often than anything else); words of
 * other languages are kept as written, lower-cased, rather than mangled by a
 * lemmatiser for the wrong language.
 */
const LEMMATISED_LANGUAGES = new Set(["ru", "en"]);

const CYRILLIC = /^[\p{Script=Cyrillic}\p{M}'-]+$/u;
const LATIN = /^[\p{Script=Latin}\p{M}'-]+$/u;
// Stress marks (за́мок) and other combining accents that NFC cannot fold into
// a Cyrillic letter; Latin é composes under NFC and is kept.
const LOOSE_MARKS = /[\u0300-\u036f]/gu;
const APOSTROPHES = /[\u2019\u02BC]/gu;
const INVISIBLE = /[\u00AD\u200C\u200D\u2060]/gu;

/**
 * One spelling for every way a word can be typed: NFC, no stress marks or
 * soft hyphens, lower case, one apostrophe, ё folded to е.
 */
export function normalizeWord(word: string): string {
  return word.normalize("NFC").replace(LOOSE_MARKS, "").replace(INVISIBLE, "").replace(APOSTROPHES, "'").toLowerCase().replaceAll("ё", "е");
}

const CACHE_LIMIT = 100_000;
/** Lemmas by word as written, one table per language setting and reading. */
const caches = new Map<string, Map<string, readonly string[]>>();

/**
 * The lemmas (normal forms) a single word may be, lower-cased with ё folded:
 * Соболевым → [соболев], Грузии → [грузия, грузить], mice → [mouse],
 * closed → [closed, close]. Ambiguity is kept, so a text and a query that
 * share any lemma of a word match. `language` is the text's language code
 * when known (it decides whether Latin or Cyrillic words are lemmatised);
 * without it the script decides. Digits and mixed-script words stay as
 * written. Split hyphenated words first (see `wordParts`).
 */
export function lemmatize(word: string, language?: string): readonly string[] {
  return cached(word, language, false);
}

/**
 * The lemmas of a word typed in a query: as {@link lemmatize}, except that a
 * capitalised Russian word the dictionary knows as a name is read only as the
 * name (Песков finds Пескова, not песок). Texts keep every reading, since a
 * capital there may only start a sentence, so this narrows only the query.
 */
export function lemmatizeQueryWord(word: string, language?: string): readonly string[] {
  const first = word[0] ?? "";
  const capitalised = first !== first.toLowerCase() && word.slice(1) !== word.slice(1).toUpperCase();
  return cached(word, language, capitalised);
}

function cached(word: string, language: string | undefined, asName: boolean): readonly string[] {
  const languageKey = language === undefined || LEMMATISED_LANGUAGES.has(language) ? "" : language;
  const tableKey = `${languageKey}/${asName}`;
  let table = caches.get(tableKey);
  if (!table) caches.set(tableKey, (table = new Map()));
  const hit = table.get(word);
  if (hit) return hit;
  const lemmas = Object.freeze(computeLemmas(word, languageKey === "", asName));
  // A crude bound rather than an LRU: a text's vocabulary is far below it, and
  // clearing keeps memory flat when a huge import streams new words through.
  if (table.size >= CACHE_LIMIT) table.clear();
  table.set(word, lemmas);
  return lemmas;
}

function computeLemmas(word: string, lemmatise: boolean, asName: boolean): string[] {
  const normalized = normalizeWord(word);
  if (!lemmatise || normalized.length === 0) return [normalized];
  // The dictionary distinguishes ё (всё / все), so it gets the unfolded spelling.
  const unfolded = word.normalize("NFC").replace(LOOSE_MARKS, "").replace(INVISIBLE, "").replace(APOSTROPHES, "'");
  if (CYRILLIC.test(unfolded)) return (asName ? russianNameLemmas(unfolded) : russianLemmas(unfolded)).map(normalizeWord);
  if (LATIN.test(unfolded)) return englishLemmas(normalized);
  return [normalized];
}
