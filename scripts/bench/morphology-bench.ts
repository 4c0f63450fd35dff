/**
 * Morphology benchmark (issue 12, "Speed and quality"). Scores the search's
 * word matching on the gold set (lib/morphology/gold-cases.ts: a text matches
 * a query when every query word occurs in it in some form) for three methods:
 *   - lemmas: Glossa's lemmatiser (az/OpenCorpora for Russian, WordNet for
 *     English, a stem for unknown words), the one the index will use;
 *   - naive: lower-cased exact words;
 *   - snowball: PostgreSQL's `russian` / `english` configurations, emulated
 *     with the Snowball Russian algorithm below and Porter2 (checked against
 *     PostgreSQL 18's ts_lexize on the gold set's words: 447 of 448 agree).
 * For each: recall (texts that must match and do) and precision (matches
 * that should be), per split: `dev` was used while building, `heldout` only
 * for two general fixes after its first run, `heldout-2` never tuned on.
 * Then mention suggestions (every form of a name in a text, beside the
 * name's exact spelling), the lemmatiser's speed in tokens per second over
 * the quote finder's wire copy (cold: first pass, every new word looked up;
 * warm: cached), and what the dictionaries cost to load. Targets: recall 1,
 * zero collision hits.
 *
 *   npm run bench morphology
 */
import { containsAllWords, findMentions, indexTerms, tokenize, warmUpEnglish, warmUpRussian, wordParts } from "../../lib/morphology";
import { MENTION_GOLD, SEARCH_GOLD, type GoldSplit } from "../../lib/morphology/gold-cases";
import { runtimeRequire } from "../../lib/morphology/runtime-require";
import { DEV as QUOTE_DEV } from "../../lib/quotes/cases/dev";
import { HELD_OUT as QUOTE_HELD_OUT } from "../../lib/quotes/cases/held-out";
import { benchCommand } from "./support";

type Matcher = (text: string, query: string, language: "ru" | "en") => boolean;

/** A matcher that maps each word (hyphen parts apart) to one key and requires every query key among the text's. */
function keyMatcher(key: (word: string) => string): Matcher {
  const keys = (text: string) => tokenize(text).flatMap(wordParts).map((part) => key(part.text));
  return (text, query) => {
    const wanted = keys(query);
    const present = new Set(keys(text));
    return wanted.length > 0 && wanted.every((word) => present.has(word));
  };
}

const naive = keyMatcher((word) => word.toLowerCase());

// Porter2 is Snowball's English stemmer, the one behind PostgreSQL's `english` configuration.
const porter2 = runtimeRequire("wink-porter2-stemmer") as (word: string) => string;

const snowball = keyMatcher((word) => (/[а-яё]/i.test(word) ? snowballRussian(word) : porter2(word.toLowerCase())));

/**
 * The Snowball Russian stemmer (snowballstem.org/algorithms/russian), behind
 * PostgreSQL's `russian` configuration: Грузия → груз, Медведев → медвед.
 */
function snowballRussian(input: string): string {
  const word = input.toLowerCase().replaceAll("ё", "е");
  const VOWEL = /[аеиоуыэюя]/;
  const firstVowel = word.search(VOWEL);
  if (firstVowel < 0) return word;
  const rvStart = firstVowel + 1;
  const regionAfter = (from: number) => {
    for (let i = from + 1; i < word.length; i++) if (!VOWEL.test(word[i]!) && VOWEL.test(word[i - 1]!)) return i + 1;
    return word.length;
  };
  const r2 = regionAfter(regionAfter(0) - 1);
  let rv = word.slice(rvStart);
  /** Removes the longest ending that fits: group 1 endings only after а or я. */
  const remove = (group1: string[], group2: string[]): boolean => {
    const candidates = [...group1.map((ending) => ({ ending, afterA: true })), ...group2.map((ending) => ({ ending, afterA: false }))].sort((a, b) => b.ending.length - a.ending.length);
    for (const { ending, afterA } of candidates) {
      if (!rv.endsWith(ending)) continue;
      const stem = rv.slice(0, rv.length - ending.length);
      if (afterA && !/[ая]$/.test(stem)) continue;
      rv = stem;
      return true;
    }
    return false;
  };
  const ADJECTIVE = "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею".split(" ");
  const VERB1 = "ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно".split(" ");
  const VERB2 = "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю".split(" ");
  const NOUN = "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я".split(" ");
  if (!remove("в вши вшись".split(" "), "ив ивши ившись ыв ывши ывшись".split(" "))) {
    remove([], ["ся", "сь"]);
    if (remove([], ADJECTIVE)) remove("ем нн вш ющ щ".split(" "), "ивш ывш ующ".split(" "));
    else if (!remove(VERB1, VERB2)) remove([], NOUN);
  }
  if (rv.endsWith("и")) rv = rv.slice(0, -1);
  const derivational = /(ость|ост)$/.exec(rv);
  if (derivational && rvStart + derivational.index >= r2) rv = rv.slice(0, derivational.index);
  if (rv.endsWith("нн")) rv = rv.slice(0, -1);
  else if (remove([], ["ейше", "ейш"])) {
    if (rv.endsWith("нн")) rv = rv.slice(0, -1);
  } else if (rv.endsWith("ь")) rv = rv.slice(0, -1);
  return word.slice(0, rvStart) + rv;
}

interface Tally {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  misses: string[];
  wrongHits: string[];
}

function scoreSearch(matcher: Matcher, split: GoldSplit): Tally {
  const tally: Tally = { truePositives: 0, falseNegatives: 0, falsePositives: 0, misses: [], wrongHits: [] };
  for (const gold of SEARCH_GOLD.filter((candidate) => candidate.split === split)) {
    for (const text of gold.mustMatch) {
      if (matcher(text, gold.query, gold.language)) tally.truePositives++;
      else {
        tally.falseNegatives++;
        tally.misses.push(`${gold.query} ↛ ${text}`);
      }
    }
    for (const text of gold.mustNotMatch) {
      if (matcher(text, gold.query, gold.language)) {
        tally.falsePositives++;
        tally.wrongHits.push(`${gold.query} → ${text}`);
      }
    }
  }
  return tally;
}

const ratio = (part: number, whole: number) => (whole ? (part / whole).toFixed(3) : "n/a");
const METHODS: [string, Matcher][] = [
  ["lemmas", containsAllWords],
  ["naive", naive],
  ["snowball", snowball],
];

const russianLoad = warmUpRussian();
const englishLoad = warmUpEnglish();

for (const split of ["dev", "heldout", "heldout-2"] as const) {
  const cases = SEARCH_GOLD.filter((gold) => gold.split === split);
  const texts = cases.reduce((sum, gold) => sum + gold.mustMatch.length + gold.mustNotMatch.length, 0);
  console.log(`\nSearch gold, ${split}: ${cases.length} queries, ${texts} texts`);
  console.log("method    recall  precision  missed  wrong hits");
  for (const [name, matcher] of METHODS) {
    const tally = scoreSearch(matcher, split);
    const recall = ratio(tally.truePositives, tally.truePositives + tally.falseNegatives);
    const precision = ratio(tally.truePositives, tally.truePositives + tally.falsePositives);
    console.log(`${name.padEnd(9)} ${recall.padStart(6)}  ${precision.padStart(9)}  ${String(tally.falseNegatives).padStart(6)}  ${String(tally.falsePositives).padStart(10)}`);
    if (name === "lemmas") for (const line of [...tally.misses.map((miss) => `  missed: ${miss}`), ...tally.wrongHits.map((hit) => `  wrong hit: ${hit}`)]) console.log(line);
  }
}

/** The naive suggester: the name's exact spelling, ignoring case (what INCEpTION's string matcher copies). */
function exactMentions(text: string, name: string): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (let at = lower.indexOf(name.toLowerCase()); at >= 0; at = lower.indexOf(name.toLowerCase(), at + name.length)) found.push(text.slice(at, at + name.length));
  return found;
}

const SUGGESTERS: [string, (text: string, name: string) => string[]][] = [
  ["lemmas", (text, name) => findMentions(text, name).map((span) => text.slice(span.start, span.end))],
  ["exact", exactMentions],
];

for (const split of ["dev", "heldout", "heldout-2"] as const) {
  const cases = MENTION_GOLD.filter((candidate) => candidate.split === split);
  console.log(`\nMention suggestions, ${split}: ${cases.length} names`);
  for (const [method, suggest] of SUGGESTERS) {
    let found = 0;
    let correct = 0;
    let expected = 0;
    for (const gold of cases) {
      const mentions = suggest(gold.text, gold.name);
      found += mentions.length;
      expected += gold.mentions.length;
      const remaining = [...gold.mentions];
      for (const mention of mentions) {
        const at = remaining.indexOf(mention);
        if (at >= 0) {
          correct++;
          remaining.splice(at, 1);
        }
      }
    }
    console.log(`  ${method.padEnd(7)} recall ${ratio(correct, expected)}, precision ${ratio(correct, found)} (${correct} of ${expected} mentions, ${found} suggested)`);
  }
}

const corpus = [...QUOTE_DEV, ...QUOTE_HELD_OUT].flatMap((article) => article.paragraphs.map((text) => ({ text, language: article.language })));
const tokenCount = corpus.reduce((sum, paragraph) => sum + tokenize(paragraph.text).length, 0);
const timePass = () => {
  const started = process.cpuUsage();
  for (const paragraph of corpus) indexTerms(paragraph.text, paragraph.language);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};
const coldMs = timePass();
const warmMs = Math.min(...Array.from({ length: 5 }, timePass));
console.log(`\nSpeed (indexTerms over ${corpus.length} paragraphs of wire copy, ${tokenCount} tokens, CPU time):`);
console.log(`  cold (every new word looked up): ${Math.round(tokenCount / (coldMs / 1000)).toLocaleString("en")} tokens/s`);
console.log(`  warm (lemmas cached):            ${Math.round(tokenCount / (warmMs / 1000)).toLocaleString("en")} tokens/s`);
console.log(`Dictionary load: Russian (az/OpenCorpora) ${Math.round(russianLoad.milliseconds)} ms, +${(russianLoad.heapBytes / 2 ** 20).toFixed(0)} MiB heap; English (WordNet) ${Math.round(englishLoad.milliseconds)} ms, +${(englishLoad.heapBytes / 2 ** 20).toFixed(0)} MiB heap; process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
console.log(`\n${benchCommand("morphology")}`);
