/** Levenshtein distance (insertions, deletions, substitutions of UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1), above + 1, row[j - 1]! + 1);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** A substring of the searched text within some edit distance of the pattern. */
export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Finds where a non-empty `pattern` occurs in `text` with at most `maxErrors` edits
 * (Levenshtein). Matches ending at consecutive positions are one region; for each region
 * only the alignments with the fewest errors are returned, in text order.
 *
 * Semi-global dynamic programming with Ukkonen's cut-off: only the rows of each column that
 * can still stay within `maxErrors` are computed, so a search costs about
 * O(maxErrors × text.length) on natural text. Each cell also carries the start offset of its
 * best alignment, so no second pass is needed to recover where a match begins.
 */
export function searchApproximate(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  const m = pattern.length;
  const cap = maxErrors + 1; // every value above maxErrors is equally hopeless
  const dist = new Int32Array(m + 1);
  const from = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) dist[i] = Math.min(i, cap);
  let lastActive = Math.min(maxErrors, m);

  const result: ApproximateMatch[] = [];
  let region: ApproximateMatch[] = [];
  let regionEnd = -1;
  for (let j = 1; j <= text.length; j++) {
    const code = text.charCodeAt(j - 1);
    // Row 0 is 0 everywhere: a match may start at any position.
    let diagonal = 0;
    let diagonalFrom = from[0]!;
    from[0] = j;
    const last = Math.min(lastActive + 1, m);
    for (let i = 1; i <= last; i++) {
      const left = i <= lastActive ? dist[i]! : cap;
      const leftFrom = from[i]!;
      // Ties prefer substitution, then skipping a pattern character, then an extra text character.
      let best = diagonal + (pattern.charCodeAt(i - 1) === code ? 0 : 1);
      let bestFrom = diagonalFrom;
      if (dist[i - 1]! + 1 < best) {
        best = dist[i - 1]! + 1;
        bestFrom = from[i - 1]!;
      }
      if (left + 1 < best) {
        best = left + 1;
        bestFrom = leftFrom;
      }
      diagonal = left;
      diagonalFrom = leftFrom;
      dist[i] = Math.min(best, cap);
      from[i] = bestFrom;
    }
    lastActive = last;
    while (dist[lastActive]! > maxErrors) lastActive--;
    if (lastActive !== m) continue;

    const match = { start: from[m]!, end: j, errors: dist[m]! };
    if (regionEnd !== j - 1) {
      for (const kept of region) result.push(kept);
      region = [match];
    } else if (match.errors < region[0]!.errors) {
      region = [match];
    } else if (match.errors === region[0]!.errors) {
      region.push(match);
    }
    regionEnd = j;
  }
  for (const kept of region) result.push(kept);
  return result;
}
