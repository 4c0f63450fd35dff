import { findEntityMentions, type FoundMention } from "../find-entity-mentions";
import type { MentionGoldCase } from "./gold";

/** A finder under evaluation: the gold case in, spans out. */
export type MentionFinder = (gold: MentionGoldCase) => Pick<FoundMention, "paragraph" | "start" | "end">[];

export interface MentionScores {
  cases: number;
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  /** Case ids with a miss or a wrong span, for reading. */
  failures: string[];
}

/** The finder as the app runs it. */
export const lemmaFinder: MentionFinder = (gold) => findEntityMentions(gold.paragraphs, gold.target, { language: gold.language, tagged: gold.tagged });

/**
 * The naive baseline: every exact occurrence of the name or an alias as written, anywhere (what a
 * plain string matcher does, e.g. INCEpTION's), minus tagged spans.
 */
export const exactStringFinder: MentionFinder = (gold) => {
  const spans: { paragraph: number; start: number; end: number }[] = [];
  gold.paragraphs.forEach((text, paragraph) => {
    for (const name of [gold.target.name, ...(gold.target.aliases ?? [])]) {
      for (let at = text.indexOf(name); at >= 0 && name; at = text.indexOf(name, at + 1)) {
        const span = { paragraph, start: at, end: at + name.length };
        const overlaps = (other: { paragraph: number; start: number; end: number }) => other.paragraph === paragraph && other.start < span.end && span.start < other.end;
        if (!(gold.tagged ?? []).some(overlaps) && !spans.some(overlaps)) spans.push(span);
      }
    }
  });
  return spans;
};

/** Where the gold's words are: the nth occurrence of `exact` in its paragraph. */
function expectedSpans(gold: MentionGoldCase) {
  return gold.expected.map(({ paragraph, exact, nth = 0 }) => {
    const text = gold.paragraphs[paragraph] ?? "";
    let at = -1;
    for (let index = 0; index <= nth; index++) at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`Gold case ${gold.id}: "${exact}" is not in paragraph ${paragraph}`);
    return { paragraph, start: at, end: at + exact.length };
  });
}

/** Precision and recall of a finder on gold cases: a found span counts only when its bounds are exactly the gold's. */
export function scoreMentions(cases: readonly MentionGoldCase[], finder: MentionFinder): MentionScores {
  let expected = 0;
  let found = 0;
  let correct = 0;
  const failures: string[] = [];
  for (const gold of cases) {
    const want = expectedSpans(gold);
    const got = finder(gold);
    const hits = got.filter((span) => want.some((other) => other.paragraph === span.paragraph && other.start === span.start && other.end === span.end)).length;
    expected += want.length;
    found += got.length;
    correct += hits;
    if (hits !== want.length || hits !== got.length) failures.push(gold.id);
  }
  return { cases: cases.length, expected, found, correct, precision: found ? correct / found : 1, recall: expected ? correct / expected : 1, failures };
}
