/*
 * A diff of two token sequences (Myers' O(ND) algorithm) followed by the clean-ups that make
 * it read the way a person describes an edit (after diff-match-patch's cleanupSemantic and
 * cleanupSemanticLossless): short coincidental equalities between edits become part of the
 * edit, and an insertion or deletion that could sit in several places is moved to absorb a
 * whole neighbouring equality (so "X A [inserted: B A] C" becomes "X [inserted: A B] A C":
 * the original A stays the original) or else to the cleanest boundary (sentence, paragraph).
 */

/** Token classes; the clean-ups judge boundaries by them. */
export const BREAK = 0;
export const SPACE = 1;
export const WORD = 2;
export const OTHER = 3;
export type TokenKind = typeof BREAK | typeof SPACE | typeof WORD | typeof OTHER;

/** One side of a diff: interned token keys, their kinds and their lengths in code units. */
export interface DiffSide {
  keys: ArrayLike<number>;
  kinds: ArrayLike<number>;
  lengths: ArrayLike<number>;
}

/**
 * One step of a diff: `equal` pairs a[a0 + i] with b[b0 + i] (same length on both sides);
 * an edit replaces a[a0, a1) by b[b0, b1), either side possibly empty.
 */
export interface DiffOp {
  equal: boolean;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Shortest edit script of the middle of two sequences (after their common prefix and suffix
 * were removed), as the equal runs along it; null if more than `maxEdits` insertions and
 * deletions are needed. Memory is O(D²) for D edits, hence the cap.
 */
function myersRuns(a: ArrayLike<number>, a0: number, a1: number, b: ArrayLike<number>, b0: number, b1: number, maxEdits: number): [number, number, number][] | null {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return [];
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m, a0, b0);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the stored frontiers back from (n, m), collecting the snakes as [aStart, bStart, length]. */
function backtrack(trace: Int32Array[], n: number, m: number, a0: number, b0: number): [number, number, number][] {
  const runs: [number, number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const k = x - y;
    let startX = 0;
    let previousX = 0;
    let previousY = 0;
    if (d > 0) {
      const previous = trace[d - 1]!;
      const at = (diagonal: number) => previous[diagonal + d - 1]!;
      const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
      const previousK = down ? k + 1 : k - 1;
      previousX = at(previousK);
      previousY = previousX - previousK;
      startX = down ? previousX : previousX + 1;
    }
    const startY = startX - k;
    if (x > startX) runs.push([a0 + startX, b0 + startY, x - startX]);
    x = previousX;
    y = previousY;
  }
  return runs.reverse();
}

/** The diff of a and b as alternating equal and edit steps, before any clean-up. */
function rawDiff(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): DiffOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  // Too different to diff within the budget: everything between prefix and suffix is one edit.
  const middle = myersRuns(a, prefix, a.length - suffix, b, prefix, b.length - suffix, maxEdits) ?? [];
  const runs: [number, number, number][] = [[0, 0, prefix], ...middle, [a.length - suffix, b.length - suffix, suffix]];
  const ops: DiffOp[] = [];
  let x = 0;
  let y = 0;
  for (const [ax, by, length] of runs) {
    if (ax > x || by > y) ops.push({ equal: false, a0: x, a1: ax, b0: y, b1: by });
    if (length > 0) push(ops, { equal: true, a0: ax, a1: ax + length, b0: by, b1: by + length });
    x = ax + length;
    y = by + length;
  }
  return ops;
}

/** Appends a step, merging it into the last one when both are equal or both are edits. */
function push(ops: DiffOp[], op: DiffOp): void {
  const last = ops.at(-1);
  if (last && last.equal === op.equal) {
    last.a1 = op.a1;
    last.b1 = op.b1;
  } else ops.push(op);
}

function codeUnits(lengths: ArrayLike<number>, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += lengths[i]!;
  return total;
}

// Longer equalities are text that stayed, however much changed around them (a sentence
// between two inserted ones), not coincidences.
const COINCIDENCE_LENGTH = 24;

/**
 * Turns a short equality into part of the edit around it when it is no longer than the edits
 * on both sides (diff-match-patch's rule): "the" matched between two rewritten clauses is a
 * coincidence, not text that stayed.
 */
function eliminateCoincidences(ops: DiffOp[], a: DiffSide, b: DiffSide): boolean {
  let changed = false;
  for (let i = 1; i + 1 < ops.length; i++) {
    const [before, equality, after] = [ops[i - 1]!, ops[i]!, ops[i + 1]!];
    if (!equality.equal) continue;
    const length = codeUnits(a.lengths, equality.a0, equality.a1);
    const edited = (op: DiffOp) => Math.max(codeUnits(a.lengths, op.a0, op.a1), codeUnits(b.lengths, op.b0, op.b1));
    if (length <= COINCIDENCE_LENGTH && length <= edited(before) && length <= edited(after)) {
      ops.splice(i - 1, 3, { equal: false, a0: before.a0, a1: after.a1, b0: before.b0, b1: after.b1 });
      changed = true;
      i = Math.max(0, i - 2);
    }
  }
  return changed;
}

/** How clean a cut between tokens x-1 and x is (diff-match-patch's scale: edges and paragraphs best). */
function boundaryScore(side: DiffSide, x: number, length: number): number {
  if (x <= 0 || x >= length) return 6;
  const previous = side.kinds[x - 1];
  const next = side.kinds[x];
  if (previous === BREAK || next === BREAK) return 5;
  if (previous === OTHER && next === SPACE) return 3;
  if (previous === SPACE || next === SPACE) return 2;
  if (previous === OTHER || next === OTHER) return 1;
  return 0;
}

/**
 * Slides each pure insertion or deletion between two equalities to where it reads best: onto
 * a whole neighbouring equality when that removes it (fewer, larger edits), else to the
 * cleanest boundary, staying put on ties.
 */
function slideEdits(ops: DiffOp[], a: DiffSide, b: DiffSide): boolean {
  let changed = false;
  for (let i = 1; i + 1 < ops.length; i++) {
    const [before, edit, after] = [ops[i - 1]!, ops[i]!, ops[i + 1]!];
    if (edit.equal || !before.equal || !after.equal) continue;
    const deletion = edit.b0 === edit.b1;
    if (!deletion && edit.a0 !== edit.a1) continue;
    const side = deletion ? a : b;
    const [x0, x1] = deletion ? [edit.a0, edit.a1] : [edit.b0, edit.b1];
    const room = { left: before.a1 - before.a0, right: after.a1 - after.a0 };
    let left = 0;
    while (left < room.left && side.keys[x0 - 1 - left] === side.keys[x1 - 1 - left]) left++;
    let right = 0;
    while (right < room.right && x1 + right < side.keys.length && side.keys[x0 + right] === side.keys[x1 + right]) right++;
    if (left === 0 && right === 0) continue;

    let shift = 0;
    if (left === room.left && i - 1 > 0) shift = -left;
    else if (right === room.right && i + 2 < ops.length) shift = right;
    else {
      const length = side.keys.length;
      let best = boundaryScore(side, x0, length) + boundaryScore(side, x1, length);
      for (let s = -left; s <= right; s++) {
        const score = boundaryScore(side, x0 + s, length) + boundaryScore(side, x1 + s, length);
        if (score > best) [best, shift] = [score, s];
      }
    }
    if (shift === 0) continue;
    changed = true;
    before.a1 += shift;
    before.b1 += shift;
    edit.a0 += shift;
    edit.a1 += shift;
    edit.b0 += shift;
    edit.b1 += shift;
    after.a0 += shift;
    after.b0 += shift;
    // An equality slid away entirely: its neighbouring edits become one.
    const rebuilt: DiffOp[] = [];
    for (const op of ops) if (op.a1 > op.a0 || op.b1 > op.b0) push(rebuilt, op);
    ops.splice(0, ops.length, ...rebuilt);
  }
  return changed;
}

/**
 * Diffs two token sequences and cleans the result up (see the module comment). Returns the
 * steps in order, alternating between equal runs and edits. Beyond `maxEdits` insertions and
 * deletions the middle is reported as one edit, which keeps huge rewrites fast.
 */
export function diffTokens(a: DiffSide, b: DiffSide, maxEdits = 2_000): DiffOp[] {
  const ops = rawDiff(a.keys, b.keys, maxEdits);
  for (let round = 0; round < 8; round++) {
    const slid = slideEdits(ops, a, b);
    const eliminated = eliminateCoincidences(ops, a, b);
    if (!eliminated && !slid) break;
  }
  return ops;
}
