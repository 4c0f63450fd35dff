import { Alignment } from "./alignment";
import { matchQuote, type QuoteMatch } from "./match-quote";
import { mapIdentical, mapParagraphs, type IdenticalMap, type ParagraphMap } from "./paragraph-map";
import { validateSelector } from "./selectors";

/** An annotation as stored against the previous version of an article. */
export interface StoredAnnotation {
  id: string;
  paragraphIndex: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type ReanchorResult =
  | { id: string; paragraphIndex: number; start: number; end: number }
  | { id: string; status: "ORPHANED" };

interface Found extends QuoteMatch {
  paragraphIndex: number;
}

/** True if the stored offsets still select `exact` in `text`. */
function stillHolds(text: string, annotation: StoredAnnotation): boolean {
  return validateSelector(text, { start: annotation.start, end: annotation.end, exact: annotation.exact }).ok;
}

/*
 * Where the old offset probably lands in a new paragraph: shifted when one paragraph
 * contains the other (merge or split), unchanged otherwise. Only used to break ties.
 */
function shiftedHint(oldText: string, newText: string, start: number): number {
  const containsOld = newText.indexOf(oldText);
  if (containsOld !== -1) return containsOld + start;
  const containedIn = oldText.indexOf(newText);
  return containedIn === -1 ? start : start - containedIn;
}

/** Searches the candidates in order; a later one must score strictly higher to win. */
function bestMatch(
  candidates: Iterable<number>,
  annotation: StoredAnnotation,
  newParagraphs: string[],
  hintFor: (paragraphIndex: number) => number,
): Found | null {
  let best: Found | null = null;
  for (const j of candidates) {
    const match = matchQuote(newParagraphs[j]!, annotation, hintFor(j));
    if (match && (best === null || match.score > best.score)) best = { ...match, paragraphIndex: j };
  }
  return best;
}

/** Indices in [0, count) ordered by distance from `center`, nearest (and lower on ties) first. */
function* outward(center: number, count: number): Generator<number> {
  for (let distance = 0; distance < count; distance++) {
    const below = center - distance;
    const above = center + distance;
    if (below < 0 && above >= count) return;
    if (below >= 0) yield below;
    if (distance > 0 && above < count) yield above;
  }
}

/*
 * Offsets that still describe the old text are followed through the token diff of the two
 * versions: kept in an unchanged paragraph; in a changed one, moved with the words that
 * stayed (so edits elsewhere, inserted or deleted text, splits, merges, whitespace and quote
 * styles cannot shift them), or else looked for as moved text among the words the diff
 * could not pair, with their context as evidence.
 */
function followDiff(
  annotation: StoredAnnotation,
  oldText: string,
  newParagraphs: string[],
  map: IdenticalMap,
  alignment: () => Alignment,
): ReanchorResult {
  const { id, paragraphIndex: oldIndex, start, end } = annotation;
  for (const j of [oldIndex, map.identical[oldIndex]!]) {
    if (newParagraphs[j] === oldText) return { id, paragraphIndex: j, start, end };
  }
  const placement = alignment().place(oldIndex, start, end);
  return placement ? { id, ...placement } : { id, status: "ORPHANED" };
}

/*
 * Offsets that do not describe the old text (stale, or an unknown paragraph): only the
 * quote is left, searched in the paragraphs the old one maps to, then in every changed one.
 */
function searchQuote(
  annotation: StoredAnnotation,
  oldParagraphs: string[],
  newParagraphs: string[],
  map: ParagraphMap,
): ReanchorResult {
  const { id, paragraphIndex: oldIndex } = annotation;
  const oldText = oldParagraphs[oldIndex];
  const tried = new Set<number>();
  let found: Found | null = null;

  if (oldText !== undefined) {
    const identical = map.identical[oldIndex]!;
    const mapped = identical !== -1 ? [identical] : map.similar[oldIndex]!;
    for (const j of mapped) tried.add(j);
    found = bestMatch(mapped, annotation, newParagraphs, (j) => shiftedHint(oldText, newParagraphs[j]!, annotation.start));
  }

  if (found === null) {
    // Text that was already in an unchanged paragraph cannot be where this annotation
    // went, so only changed paragraphs are searched (all of them if the old one is unknown).
    const center =
      oldText !== undefined
        ? map.expected[oldIndex]!
        : Number.isInteger(oldIndex)
          ? Math.max(0, Math.min(newParagraphs.length - 1, oldIndex))
          : 0;
    const eligible = (j: number) => !tried.has(j) && (oldText === undefined || map.changed[j]!);
    found = bestMatch(
      [...outward(center, newParagraphs.length)].filter(eligible),
      annotation,
      newParagraphs,
      () => annotation.start,
    );
  }

  return found === null
    ? { id, status: "ORPHANED" }
    : { id, paragraphIndex: found.paragraphIndex, start: found.start, end: found.end };
}

/**
 * Moves annotations from the previous version of an article to a re-imported one whose
 * paragraphs may have been edited, inserted, deleted, split, merged or moved. An annotation
 * keeps its offsets when its paragraph is unchanged. In a changed paragraph it follows its
 * words through a word-level diff of the two versions (whitespace and quote styles aside):
 * it stays on them while more than half of them stayed, including words replaced inside it,
 * and goes to moved text only when exactly its words are there and their context clearly
 * says so. Stored offsets that no longer describe the old text leave only the quote, which
 * is searched with {@link matchQuote}. Whatever cannot be placed confidently (deleted,
 * rewritten, or one of several equally likely copies) is returned as ORPHANED: a wrong place
 * is worse than an orphan. Results are in input order, and placed offsets always satisfy
 * 0 <= start < end <= newParagraphs[paragraphIndex].length.
 */
export function reanchor(
  oldParagraphs: string[],
  newParagraphs: string[],
  annotations: StoredAnnotation[],
): ReanchorResult[] {
  const map = mapIdentical(oldParagraphs, newParagraphs);
  // The diff and the similarity map cost most: each is built only if some annotation needs it.
  let aligned: Alignment | undefined;
  const alignment = () => (aligned ??= new Alignment(oldParagraphs, newParagraphs, map));
  let similar: ParagraphMap | undefined;
  return annotations.map((annotation) => {
    const oldText = oldParagraphs[annotation.paragraphIndex];
    return oldText !== undefined && stillHolds(oldText, annotation)
      ? followDiff(annotation, oldText, newParagraphs, map, alignment)
      : searchQuote(annotation, oldParagraphs, newParagraphs, (similar ??= mapParagraphs(oldParagraphs, newParagraphs)));
  });
}
