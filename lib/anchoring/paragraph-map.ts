/** Which paragraphs of an edited article are unchanged copies of those of its previous version. */
export interface IdenticalMap {
  /** Per old paragraph: the new paragraph with identical text, or -1. */
  identical: number[];
  /** Per old paragraph: the new index where it (or what became of it) is expected. */
  expected: number[];
  /** Per new paragraph: true unless it is the identical copy of an old paragraph. */
  changed: boolean[];
}

/** How the paragraphs of an edited article correspond to those of its previous version. */
export interface ParagraphMap extends IdenticalMap {
  /** Per old paragraph without an identical copy: similar new paragraphs, most similar first. */
  similar: number[][];
}

// Changed paragraphs further than this from the expected index are not compared for
// similarity (the global search in reanchor still finds moved text).
const SIMILARITY_WINDOW = 10;
// Share of the smaller paragraph's 4-grams that must occur in the other one: a split or
// merge keeps nearly all of them, unrelated prose shares far fewer.
const MIN_SIMILARITY = 0.5;
const SHINGLE = 4;

function shingles(text: string): Set<string> {
  const lower = text.toLowerCase();
  const set = new Set<string>();
  if (lower.length > 0 && lower.length < SHINGLE) set.add(lower);
  for (let i = 0; i + SHINGLE <= lower.length; i++) set.add(lower.slice(i, i + SHINGLE));
  return set;
}

/** Overlap coefficient |A ∩ B| / min(|A|, |B|): 1 when one text is contained in the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

/** Expected new index of each old paragraph, extrapolated from the nearest mapped neighbour. */
function expectedIndices(identical: number[], newCount: number): number[] {
  const first = identical.findIndex((j) => j >= 0);
  let previous = -1;
  return identical.map((mapped, i) => {
    let expected = i;
    if (mapped >= 0) {
      previous = i;
      expected = mapped;
    } else if (previous >= 0) {
      expected = identical[previous]! + (i - previous);
    } else if (first >= 0) {
      expected = identical[first]! - (first - i);
    }
    return Math.max(0, Math.min(newCount - 1, expected));
  });
}

/**
 * Pairs old paragraphs with identical new ones: texts unique on both sides first, then
 * repeated ones with the free copy nearest their expected position.
 */
export function mapIdentical(oldParagraphs: string[], newParagraphs: string[]): IdenticalMap {
  const newPositions = new Map<string, number[]>();
  newParagraphs.forEach((text, j) => {
    const list = newPositions.get(text);
    if (list) list.push(j);
    else newPositions.set(text, [j]);
  });
  const oldCounts = new Map<string, number>();
  for (const text of oldParagraphs) oldCounts.set(text, (oldCounts.get(text) ?? 0) + 1);

  const identical = oldParagraphs.map(() => -1);
  const taken = newParagraphs.map(() => false);
  oldParagraphs.forEach((text, i) => {
    const list = newPositions.get(text);
    if (list?.length === 1 && oldCounts.get(text) === 1) {
      identical[i] = list[0]!;
      taken[list[0]!] = true;
    }
  });
  // Repeated texts (separators, "Advertisement"): pair each with the nearest free copy.
  const provisional = expectedIndices(identical, newParagraphs.length);
  oldParagraphs.forEach((text, i) => {
    if (identical[i] !== -1) return;
    let nearest = -1;
    for (const j of newPositions.get(text) ?? []) {
      if (!taken[j] && (nearest === -1 || Math.abs(j - provisional[i]!) < Math.abs(nearest - provisional[i]!))) nearest = j;
    }
    if (nearest !== -1) {
      identical[i] = nearest;
      taken[nearest] = true;
    }
  });

  return { identical, expected: expectedIndices(identical, newParagraphs.length), changed: taken.map((isTaken) => !isTaken) };
}

/**
 * Maps old paragraphs to new ones: identical texts first ({@link mapIdentical}), then every
 * remaining old paragraph to the changed new paragraphs near its expected position that share
 * most of their 4-grams with it. An old paragraph may map to several new ones (split) and
 * several old paragraphs to one new one (merge).
 */
export function mapParagraphs(oldParagraphs: string[], newParagraphs: string[]): ParagraphMap {
  const { identical, expected, changed } = mapIdentical(oldParagraphs, newParagraphs);
  const newShingles = new Map<number, Set<string>>();
  const similar = oldParagraphs.map((text, i) => {
    if (identical[i] !== -1) return [];
    const own = shingles(text);
    const scored: { j: number; similarity: number }[] = [];
    const from = Math.max(0, expected[i]! - SIMILARITY_WINDOW);
    const to = Math.min(newParagraphs.length - 1, expected[i]! + SIMILARITY_WINDOW);
    for (let j = from; j <= to; j++) {
      if (!changed[j]) continue;
      let theirs = newShingles.get(j);
      if (!theirs) newShingles.set(j, (theirs = shingles(newParagraphs[j]!)));
      const similarity = overlap(own, theirs);
      if (similarity >= MIN_SIMILARITY) scored.push({ j, similarity });
    }
    scored.sort(
      (a, b) => b.similarity - a.similarity || Math.abs(a.j - expected[i]!) - Math.abs(b.j - expected[i]!),
    );
    return scored.map((entry) => entry.j);
  });

  return { identical, similar, expected, changed };
}
