import type { TextSpan } from "../find-quotes";
import { resolveArticle, type LabelledArticle } from "./labels";

/** What a finder returns for the scoring: spans, and a speaker when it names one. */
export type Finder = (paragraphs: string[], language: string) => (TextSpan & { speaker?: TextSpan })[];

export interface Score {
  articles: number;
  quotes: number;
  predicted: number;
  truePositives: number;
  /** True positives whose gold quote has a speaker, and how many of those got it right. */
  withSpeaker: number;
  speakerCorrect: number;
  precision: number;
  recall: number;
  speakerAccuracy: number;
  /** What went wrong, one line each, for tuning on the dev set. */
  errors: string[];
}

// Punctuation at the edges is the writer's, not the speaker's: "готовы," and "готовы" are the same quote.
function core(paragraphs: readonly string[], span: TextSpan): string {
  return `${span.paragraph}:${(paragraphs[span.paragraph] ?? "").slice(span.start, span.end).replace(/^[\s,.;:—–-]+|[\s,.;:—–-]+$/gu, "")}`;
}

const overlaps = (a: TextSpan, b: TextSpan): boolean => a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;

// Capitalised words reduced to a crude stem, so "Захарова" (nominative) and "Захаровой" name the same person.
function nameStems(text: string): Set<string> {
  return new Set((text.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).map((word) => word.toLowerCase().slice(0, Math.max(4, word.length - 2))));
}

/**
 * A speaker is right when it overlaps the labelled words, or names the same person by a
 * capitalised word (the name said in an earlier paragraph: "Мария Захарова" for "Захарова").
 */
function sameSpeaker(paragraphs: readonly string[], found: TextSpan, gold: TextSpan): boolean {
  if (overlaps(found, gold)) return true;
  const goldStems = nameStems(paragraphs[gold.paragraph]!.slice(gold.start, gold.end));
  const foundStems = nameStems(paragraphs[found.paragraph]!.slice(found.start, found.end));
  return [...goldStems].some((stem) => foundStems.has(stem));
}

/** Precision, recall and speaker accuracy of `finder` on labelled articles. */
export function evaluate(articles: readonly LabelledArticle[], finder: Finder): Score {
  let quotes = 0;
  let predicted = 0;
  let truePositives = 0;
  let withSpeaker = 0;
  let speakerCorrect = 0;
  const errors: string[] = [];
  for (const article of articles) {
    const { paragraphs } = article;
    const gold = resolveArticle(article);
    const found = finder(paragraphs, article.language);
    quotes += gold.length;
    predicted += found.length;
    const goldByCore = new Map(gold.map((quote) => [core(paragraphs, quote), quote]));
    const matched = new Set<string>();
    for (const candidate of found) {
      const key = core(paragraphs, candidate);
      const truth = goldByCore.get(key);
      if (!truth || matched.has(key)) {
        errors.push(`${article.id} FALSE «${key}»`);
        continue;
      }
      matched.add(key);
      truePositives++;
      if (!truth.speaker) continue;
      withSpeaker++;
      if (candidate.speaker && sameSpeaker(paragraphs, candidate.speaker, truth.speaker)) speakerCorrect++;
      else {
        const said = candidate.speaker ? core(paragraphs, candidate.speaker) : "none";
        errors.push(`${article.id} SPEAKER «${key.slice(0, 40)}» got ${said}, want ${core(paragraphs, truth.speaker)}`);
      }
    }
    for (const [key] of goldByCore) if (!matched.has(key)) errors.push(`${article.id} MISSED «${key}»`);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    articles: articles.length,
    quotes,
    predicted,
    truePositives,
    withSpeaker,
    speakerCorrect,
    precision: ratio(truePositives, predicted),
    recall: ratio(truePositives, quotes),
    speakerAccuracy: ratio(speakerCorrect, withSpeaker),
    errors,
  };
}
