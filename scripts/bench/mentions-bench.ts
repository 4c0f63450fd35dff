/**
 * Mention suggestions benchmark (issue 12, "Find every mention"). Scores `findEntityMentions` and a
 * naive exact-string baseline (every occurrence of the name or an alias as written, as a plain string
 * matcher finds them) on the held-out gold set (lib/mentions/cases/gold.ts: written before the finder
 * was tuned, never tuned on; inflected Russian names, aliases, surnames alone, and collisions such as
 * путина / Путина, Соболевский / Соболев, груз / Грузия, домен / Дом, Applebee's / Apple).
 *   - precision: found spans whose bounds are exactly a gold mention's,
 *   - recall: gold mentions found with exactly their bounds,
 *   - ms per case: CPU time (user + system), the median of several passes after a warm-up.
 * Targets: precision >= 0.95, recall >= 0.9.
 *
 *   npm run bench mentions
 */
import { exactStringFinder, lemmaFinder, scoreMentions, type MentionFinder, type MentionScores } from "../../lib/mentions/cases/evaluate";
import { MENTION_GOLD } from "../../lib/mentions/cases/gold";
import { benchCommand, median } from "./support";

const TARGETS = { precision: 0.95, recall: 0.9 };
const TIMED_PASSES = 9;

function msPerCase(finder: MentionFinder): number {
  const pass = () => {
    const started = process.cpuUsage();
    for (const gold of MENTION_GOLD) finder(gold);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  pass(); // warm-up: the dictionaries load and the JIT compiles before timing
  return median(Array.from({ length: TIMED_PASSES }, pass)) / MENTION_GOLD.length;
}

const row = (name: string, score: MentionScores, ms: number) =>
  [name.padEnd(34), String(score.found).padStart(6), String(score.correct).padStart(8), score.precision.toFixed(3).padStart(10), score.recall.toFixed(3).padStart(7), ms.toFixed(3).padStart(10)].join(" ");

function main(): void {
  const baseline = scoreMentions(MENTION_GOLD, exactStringFinder);
  const ours = scoreMentions(MENTION_GOLD, lemmaFinder);
  console.log(`Mention suggestions benchmark, held-out gold set: ${ours.cases} cases, ${ours.expected} mentions.`);
  console.log(`\n${"".padEnd(34)} ${"found".padStart(6)} ${"correct".padStart(8)} ${"precision".padStart(10)} ${"recall".padStart(7)} ${"ms/case".padStart(10)}`);
  console.log(row("naive: exact name/alias strings", baseline, msPerCase(exactStringFinder)));
  console.log(row("findEntityMentions", ours, msPerCase(lemmaFinder)));
  if (ours.failures.length) console.log(`\nCases not perfect: ${ours.failures.join(", ")}`);
  const met = ours.precision >= TARGETS.precision && ours.recall >= TARGETS.recall;
  console.log(`\nTargets: precision >= ${TARGETS.precision}, recall >= ${TARGETS.recall}: ${met ? "met" : "NOT met"}.`);
  console.log(`Command: ${benchCommand("mentions")}`);
  if (!met) process.exitCode = 1;
}

main();
