/**
 * Russian morphology over the OpenCorpora dictionary that the `az` package
 * ships (a JavaScript port of pymorphy2: 390,000 lexemes, suffix predictor
 * for unknown words). The dictionary is read synchronously from
 * node_modules on first use, once per process, so the lemmatiser can be a
 * plain function called from import and query code alike.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runtimeRequire } from "./runtime-require";

/** The slice of az's parse object this module relies on. */
interface AzTag {
  readonly POS?: string;
  readonly GNdr?: string;
  readonly NMbr?: string;
  readonly CAse?: string;
  readonly [grammeme: string]: unknown;
}
interface AzParse {
  readonly word: string;
  readonly tag: AzTag;
  readonly score: number;
  readonly parser?: string;
  normalize(keepPOS?: boolean): AzParse | false;
  inflect(grammemes: string[]): AzParse | false;
}
interface AzMorphConfig {
  ignoreCase?: boolean;
  parsers?: string[];
}
interface AzModule {
  load: (url: string, responseType: string, callback: (error: Error | null, data?: unknown) => void) => void;
  Morph: ((word: string, config?: AzMorphConfig) => AzParse[]) & {
    init: (dictionaryPath: string, callback: (error: Error | null) => void) => void;
  };
}

/** How long loading took and how much heap it added, for the benchmark. */
export interface DictionaryLoadStats {
  milliseconds: number;
  heapBytes: number;
}

let az: AzModule | undefined;
let loadStats: DictionaryLoadStats | undefined;

/**
 * az reads its files with callbacks (fs.readFile in Node, XHR in browsers).
 * Its own loader counts pending files, so callbacks must not run before every
 * file has been requested: queue them, then run them after `init` returns,
 * all synchronously.
 */
function loadDictionary(): AzModule {
  if (az) return az;
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const loaded = runtimeRequire("az") as AzModule;
  const dictionaryPath = path.join(path.dirname(runtimeRequire.resolve("az/package.json")), "dicts");
  const pending: (() => void)[] = [];
  loaded.load = (url, responseType, callback) => {
    pending.push(() => {
      const bytes = readFileSync(url);
      if (responseType === "json") callback(null, JSON.parse(bytes.toString("utf8")));
      // A Buffer may be a view into a larger pooled ArrayBuffer: copy exactly its bytes.
      else callback(null, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
  };
  let failure: Error | null = null;
  loaded.Morph.init(dictionaryPath, (error) => {
    failure = error;
  });
  for (const run of pending) run();
  if (failure) throw failure;
  az = loaded;
  loadStats = { milliseconds: performance.now() - started, heapBytes: process.memoryUsage().heapUsed - heapBefore };
  return loaded;
}

/** Loads the dictionary now (it otherwise loads on first use) and says what it cost. */
export function warmUpRussian(): DictionaryLoadStats {
  loadDictionary();
  return loadStats!;
}

// Case-insensitive everywhere: "путина" typed in a query must get the same
// lemmas as "Путина" in a text, or index and query would disagree.
const DICTIONARY: AzMorphConfig = { ignoreCase: true, parsers: ["Dictionary"] };
const PREDICTORS: AzMorphConfig = { ignoreCase: true, parsers: ["PrefixKnown", "SuffixKnown"] };

/** A parse this much less likely than the best one is noise (день → деть at 1/70). */
const MIN_RELATIVE_SCORE = 0.1;

// Surname paradigms the dictionary may not know. Georgian, Ukrainian and
// -аго surnames do not decline (Russian -ых/-их ones neither, but unknown
// adjectives like ковидных are far more common, and a name that never changes
// gets the same stem everywhere anyway); -ов/-ев/-ин/-ын ones decline like
// Соболев (Соболева, Соболеву, Соболевым, Соболевой, Соболевых...), Armenian
// -ян ones like a noun (Пашиняна, Пашиняну, Пашиняном).
const INDECLINABLE_SURNAME = /(?:швили|дзе|ко|аго|яго)$/;
const POSSESSIVE_SURNAME = /^(.{2,}?(?:ов|ев|ёв|ин|ын|ян))(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы)?$/;
const ADJECTIVAL_SURNAME = /^(.{2,}?[сц]к)(?:ий|ая|ое|ого|ому|им|ом|ой|ую|ие|их|ими)$/;
// Other unknown words lose one inflectional ending, longest first, keeping a
// stem of at least three letters. The suffix predictor was tried instead and
// guessed different lemmas for forms of one name (Пашинян → пашинянин,
// Пашиняна → пашиняный), which is worse for search than a consistent stem.
const INFLECTION = /^(.{3,}?)(?:ями|ами|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ах|ях|ам|ям|ую|юю|ая|яя|ое|ее|ые|ие|ый|ий|ым|им|ых|их|а|я|у|ю|е|ы|и|о|ь)$/;

const fold = (lemma: string) => lemma.replaceAll("ё", "е");

/**
 * The lemmas a Russian word form may be, lower-cased with ё folded to е.
 * Dictionary words get their dictionary lemmas (ambiguity kept, unlikely
 * readings dropped); unknown words get a surname paradigm when they look like
 * one, else their stem without an inflectional ending.
 */
export function russianLemmas(word: string): string[] {
  const lower = word.toLowerCase();
  const morph = loadDictionary().Morph;
  const known = morph(lower, DICTIONARY);
  if (known.length) return likelyLemmas(known);
  return guessUnknown(lower);
}

const PROPER_NOUN = ["Name", "Surn", "Patr", "Geox", "Orgn", "Trad"];

/**
 * The lemmas of a capitalised query word read as a name when the dictionary
 * knows it as one (Песков → песков, not песок; Путина → путин, not путина),
 * else {@link russianLemmas}. Only for queries: a capital in a text may just
 * start a sentence, so texts keep every reading.
 */
export function russianNameLemmas(word: string): string[] {
  const names = loadDictionary()
    .Morph(word.toLowerCase(), DICTIONARY)
    .filter((parse) => PROPER_NOUN.some((grammeme) => parse.tag[grammeme]));
  return names.length ? likelyLemmas(names) : russianLemmas(word);
}

function likelyLemmas(parses: AzParse[]): string[] {
  const best = Math.max(...parses.map((parse) => parse.score));
  const lemmas = new Set<string>();
  for (const parse of parses) {
    if (parse.score < best * MIN_RELATIVE_SCORE) continue;
    const normal = parse.normalize();
    lemmas.add(fold(normal ? normal.word : parse.word));
  }
  return [...lemmas];
}

function guessUnknown(lower: string): string[] {
  if (INDECLINABLE_SURNAME.test(lower)) return [fold(lower)];
  const stem = POSSESSIVE_SURNAME.exec(lower)?.[1] ?? (ADJECTIVAL_SURNAME.test(lower) ? lower.replace(ADJECTIVAL_SURNAME, "$1ий") : undefined);
  return [fold(stem ?? INFLECTION.exec(lower)?.[1] ?? lower)];
}

/**
 * Puts a Russian name phrase in the nominative ("Владимира Путина" →
 * "Владимир Путин", "Ирины Соболевой" → "Ирина Соболева"): picks the gender,
 * number and case most words agree on, inflects each word that has a parse
 * with them, keeps the rest, and keeps each word's capitalisation.
 */
export function russianNominative(words: readonly string[]): string[] {
  const morph = loadDictionary().Morph;
  const parsesByWord = words.map((word) => {
    const lower = word.toLowerCase();
    const known = morph(lower, DICTIONARY);
    return (known.length ? known : morph(lower, PREDICTORS)).filter((parse) => parse.tag.CAse);
  });
  const agreement = new Map<string, number>();
  for (const parses of parsesByWord) {
    const best = new Map<string, number>();
    for (const parse of parses) {
      const key = agreementKey(parse.tag);
      best.set(key, Math.max(best.get(key) ?? 0, parse.score + 1));
    }
    for (const [key, score] of best) agreement.set(key, (agreement.get(key) ?? 0) + score);
  }
  const chosen = [...agreement].sort((a, b) => b[1] - a[1])[0]?.[0];
  return words.map((word, index) => {
    const parse = parsesByWord[index]!.filter((candidate) => agreementKey(candidate.tag) === chosen).sort((a, b) => b.score - a.score)[0];
    // The gender too: a surname's paradigm holds both, and Соболевой → Соболева, not Соболев.
    const nominative = parse?.inflect(["nomn", parse.tag.NMbr, parse.tag.NMbr === "plur" ? undefined : parse.tag.GNdr].filter((grammeme) => grammeme !== undefined));
    return nominative ? matchCase(nominative.word, word) : word;
  });
}

function agreementKey(tag: AzTag): string {
  // Nouns like names have a fixed gender; plural forms have none.
  return `${tag.NMbr === "plur" ? "" : (tag.GNdr ?? "")}/${tag.NMbr ?? ""}/${tag.CAse ?? ""}`;
}

function matchCase(inflected: string, original: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return inflected.toUpperCase();
  const first = original[0];
  if (first && first !== first.toLowerCase()) return inflected[0]!.toUpperCase() + inflected.slice(1);
  return inflected;
}
