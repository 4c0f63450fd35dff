/**
 * English lemmas from WordNet (wink-lemmatizer: mice → mouse, went → go,
 * closes → close), and a Porter2 stem for words WordNet does not know, so
 * that the forms of an unknown word (Brexiteer, Brexiteers) still meet.
 */
import { runtimeRequire } from "./runtime-require";

interface WinkLemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

let english: { lemmatizer: WinkLemmatizer; knownWords: Record<string, unknown>; stem: (word: string) => string } | undefined;

// Loaded on first use (WordNet costs ~1 s and ~20 MB), not at import.
function loadEnglish() {
  if (english) return english;
  english = {
    lemmatizer: runtimeRequire("wink-lemmatizer") as WinkLemmatizer,
    knownWords: runtimeRequire("wink-lexicon/src/wn-words.js") as Record<string, unknown>,
    stem: runtimeRequire("wink-porter2-stemmer") as (word: string) => string,
  };
  return english;
}

/** Loads WordNet now (it otherwise loads on first use) and says how long it took. */
export function warmUpEnglish(): { milliseconds: number; heapBytes: number } {
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  loadEnglish();
  return { milliseconds: performance.now() - started, heapBytes: process.memoryUsage().heapUsed - heapBefore };
}

/**
 * The lemmas a lower-case English word may be: its WordNet noun, verb and
 * adjective lemmas that are WordNet words (closed → close, closed), or its
 * Porter2 stem when WordNet knows none.
 */
export function englishLemmas(lower: string): string[] {
  const { lemmatizer, knownWords, stem } = loadEnglish();
  const lemmas = new Set<string>();
  for (const lemma of [lemmatizer.noun(lower), lemmatizer.verb(lower), lemmatizer.adjective(lower)]) {
    // wink returns another word only when WordNet confirms it (went → go);
    // its word list leaves out words of one or two letters (go, be, ox).
    if (lemma !== lower || lemma.length <= 2 || Object.hasOwn(knownWords, lemma)) lemmas.add(lemma);
  }
  return lemmas.size ? [...lemmas] : [stem(lower)];
}
