/**
 * Quote finder benchmark (issue 11, "The finder"). Runs `findQuotes` and a naive baseline
 * ("everything between quote marks, no speaker") on a labelled set of Russian and English wire
 * copy and scores each:
 *   - precision: found quotes that are true quotes (names, titles and scare quotes in marks are not),
 *   - recall: true quotes found,
 *   - speaker: found quotes whose speaker is right (overlaps the labelled words, or names the same
 *     person: "Мария Захарова" for "Захарова"; for a pronoun, the name it stands for),
 *   - ms per article: CPU time of this process (user + system), the median of several passes after a
 *     warm-up; CPU rather than wall time, which other processes on a shared machine inflate.
 * Targets: precision >= 0.9, recall >= 0.9, speaker >= 0.8, < 5 ms per article.
 *
 * Two sets (lib/quotes/cases): `held-out` (the default, the one reported; written before the
 * finder's rules and never tuned on) and `dev` (the sample story and the tuning cases; it also
 * lists every miss).
 *
 *   npm run bench quotes                        (held-out)
 *   BENCH_QUOTES_SET=dev npm run bench quotes   (dev, with misses)
 */
import { findQuotes } from "../../lib/quotes";
import { DEV } from "../../lib/quotes/cases/dev";
import { evaluate, type Finder, type Score } from "../../lib/quotes/cases/evaluate";
import { HELD_OUT } from "../../lib/quotes/cases/held-out";
import type { LabelledArticle } from "../../lib/quotes/cases/labels";
import { sampleStory } from "../../lib/quotes/cases/sample-story";
import { findQuotedStretches } from "../../lib/quotes/marks";
import { benchCommand, median } from "./support";

const SETS: Record<string, () => LabelledArticle[]> = {
  "held-out": () => HELD_OUT,
  dev: () => [sampleStory(), ...DEV],
};
const TIMED_PASSES = 9;
const TARGETS = { precision: 0.9, recall: 0.9, speaker: 0.8, msPerArticle: 5 };

/** The baseline: every outermost stretch between quotation marks is a quote, said by nobody. */
const naive: Finder = (paragraphs) =>
  paragraphs.flatMap((text, paragraph) => findQuotedStretches(text).map((stretch) => ({ paragraph, start: stretch.start, end: stretch.end })));

const ours: Finder = (paragraphs, language) => findQuotes(paragraphs, { language });

/** CPU milliseconds per article: the median of several passes over the set, after a warm-up pass. */
function msPerArticle(articles: readonly LabelledArticle[], finder: Finder): number {
  const pass = () => {
    const started = process.cpuUsage();
    for (const article of articles) finder(article.paragraphs, article.language);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  pass(); // warm-up: let the JIT compile before timing
  return median(Array.from({ length: TIMED_PASSES }, pass)) / articles.length;
}

const fixed = (value: number, digits = 3) => value.toFixed(digits);

function row(name: string, score: Score, ms?: number): string {
  const cells = [
    name.padEnd(34),
    String(score.quotes).padStart(7),
    String(score.predicted).padStart(6),
    fixed(score.precision).padStart(10),
    fixed(score.recall).padStart(7),
    (score.withSpeaker ? `${fixed(score.speakerAccuracy)} (${score.speakerCorrect}/${score.withSpeaker})` : "—").padStart(16),
  ];
  if (ms !== undefined) cells.push(fixed(ms).padStart(12));
  return cells.join(" ");
}

function main(): void {
  const setName = process.env.BENCH_QUOTES_SET ?? "held-out";
  const load = SETS[setName];
  if (!load) {
    console.error(`Unknown BENCH_QUOTES_SET "${setName}": choose ${Object.keys(SETS).join(" or ")}.`);
    process.exit(2);
  }
  const articles = load();
  const paragraphs = articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
  const naiveScore = evaluate(articles, naive);
  const oursScore = evaluate(articles, ours);
  const naiveMs = msPerArticle(articles, naive);
  const oursMs = msPerArticle(articles, ours);

  console.log(`Quote finder benchmark, ${setName} set: ${articles.length} articles, ${paragraphs} paragraphs, ${oursScore.quotes} true quotes, ${naiveScore.predicted} stretches in marks.`);
  const header = `${"".padEnd(34)} ${"quotes".padStart(7)} ${"found".padStart(6)} ${"precision".padStart(10)} ${"recall".padStart(7)} ${"speaker".padStart(16)}`;
  console.log(`\n${header} ${"ms/article".padStart(12)}`);
  console.log(row("naive: everything in marks", naiveScore, naiveMs));
  console.log(row("findQuotes", oursScore, oursMs));
  console.log(`\nBy language:\n${header}`);
  for (const language of ["ru", "en"] as const) {
    const subset = articles.filter((article) => article.language === language);
    console.log(row(`naive, ${language}`, evaluate(subset, naive)));
    console.log(row(`findQuotes, ${language}`, evaluate(subset, ours)));
  }
  if (setName === "dev" && oursScore.errors.length) console.log(`\nMisses:\n${oursScore.errors.join("\n")}`);

  const met =
    oursScore.precision >= TARGETS.precision && oursScore.recall >= TARGETS.recall && oursScore.speakerAccuracy >= TARGETS.speaker && oursMs < TARGETS.msPerArticle;
  console.log(`\nTargets: precision >= ${TARGETS.precision}, recall >= ${TARGETS.recall}, speaker >= ${TARGETS.speaker}, < ${TARGETS.msPerArticle} ms per article: ${met ? "met" : "NOT met"}.`);
  console.log(`Command: ${benchCommand("quotes")}`);
  if (!met) process.exitCode = 1;
}

main();
