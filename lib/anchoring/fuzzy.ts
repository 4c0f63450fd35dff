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
 * Finds where `pattern` occurs in `text` with at most `maxErrors` edits (Levenshtein), for
 * 0 <= maxErrors < pattern.length. Matches ending at consecutive positions are one region;
 * for each region only the alignments with the fewest errors are returned, in text order.
 *
 * A pigeonhole filter runs first: cut into maxErrors + 1 pieces, the pattern keeps at least
 * one piece intact in any match, so only windows around occurrences of a piece are scanned.
 */
export function searchApproximate(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  if (!Number.isInteger(maxErrors) || maxErrors < 0 || maxErrors >= pattern.length) {
    throw new RangeError(`maxErrors (${maxErrors}) must be an integer from 0 to pattern length - 1.`);
  }
  const result: ApproximateMatch[] = [];
  for (const [from, to] of candidateWindows(text, pattern, maxErrors)) {
    for (const match of scan(text.slice(from, to), pattern, maxErrors)) {
      result.push({ start: match.start + from, end: match.end + from, errors: match.errors });
    }
  }
  return result;
}

/** Disjoint, sorted [from, to) windows of `text` that can contain a match. */
function candidateWindows(text: string, pattern: string, maxErrors: number): [number, number][] {
  const length = pattern.length;
  const pieces = maxErrors + 1;
  const spans: [number, number][] = [];
  for (let p = 0; p < pieces; p++) {
    const offset = Math.floor((p * length) / pieces);
    const piece = pattern.slice(offset, Math.floor(((p + 1) * length) / pieces));
    for (let hit = text.indexOf(piece); hit !== -1; hit = text.indexOf(piece, hit + 1)) {
      // With the piece aligned at `hit`, at most maxErrors insertions/deletions move the ends.
      spans.push([Math.max(0, hit - offset - maxErrors), Math.min(text.length, hit - offset + length + maxErrors)]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/*
 * Semi-global dynamic programming with Ukkonen's cut-off: only the rows of each column that
 * can still stay within `maxErrors` are computed, about O(maxErrors × text.length) on natural
 * text. Each cell also carries the start offset of its best alignment, so no second pass is
 * needed to recover where a match begins.
 */
function scan(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
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
