import type { IdenticalMap } from "./paragraph-map";
import { BREAK, SPACE, diffTokens, type DiffOp } from "./token-diff";
import { appendParagraph, emptyStream, TokenKeys, type TokenStream } from "./tokens";
import { isWhitespaceAt, snapBackward, snapForward } from "./unicode";

/** A placement in the new text. */
export interface Placement {
  paragraphIndex: number;
  start: number;
  end: number;
}

/*
 * Changed paragraphs between two unchanged ones (kept in order) are diffed together, so text
 * may move between them (splits, merges, edits across a paragraph break).
 */
interface Gap {
  old: TokenStream;
  new: TokenStream;
  /** Per old token: the new token it is (same key), or -1. */
  oldTo: Int32Array;
  /** Per old token: the edit it belongs to, or -1 if it is in an equal run. */
  oldEdit: Int32Array;
  edits: DiffOp[];
  /** Per edit: true if both sides have the same shape (word for word), so tokens pair by position. */
  positional: boolean[];
  /** Per new token: true if no old token is paired with it (inserted, or moved here). */
  free: Uint8Array;
}

/** Where a span's tokens are: a gap and token indices into its old stream. */
interface TokenSpan {
  gap: Gap;
  first: number;
  last: number;
}

/** A position in a gap's new token stream. */
interface Point {
  token: number;
  offset: number;
}

/** A copy of an old span's words in the new text and how much evidence supports it. */
interface Candidate extends Placement {
  evidence: number;
  /** True if no old token is paired with any of its tokens (moved or inserted text). */
  free: boolean;
}

// A diff that needs more edits than this is given up on (huge rewrite): its gap is all changed.
const MAX_EDITS = 2_000;
// How far (code units, spaces excluded) agreeing context is counted on each side.
const CONTEXT_REACH = 64;
// What context running into a paragraph's edge on both sides is worth: a little, since
// paragraph edges are many.
const EDGE_AGREEMENT = 4;
// Moved text is only placed with this much evidence (its own and its agreeing context's
// non-space code units), and when no other candidate comes within MOVED_MARGIN of it.
const MOVED_EVIDENCE = 10;
const MOVED_MARGIN = 4;

/** Indices of a longest strictly increasing subsequence of `values` (patience sorting). */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous = values.map(() => -1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const result: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) result.push(i);
  return result.reverse();
}

function isSpaceKind(kind: number | undefined): boolean {
  return kind === SPACE || kind === BREAK;
}

/**
 * The token-level alignment of an article's old and new paragraphs. Paragraphs with an
 * identical copy that keeps the article's order anchor it; the changed paragraphs between
 * two anchors are diffed as one token sequence.
 */
export class Alignment {
  private readonly gaps: Gap[] = [];
  private readonly oldPlace = new Map<number, { gap: Gap; from: number; to: number }>();
  private keyIndex: Map<number, [Gap, number][]> | null = null;

  constructor(
    oldParagraphs: string[],
    private readonly newParagraphs: string[],
    map: IdenticalMap,
  ) {
    const keys = new TokenKeys();
    const pairs = map.identical.flatMap((j, i) => (j >= 0 ? [[i, j] as const] : []));
    const anchors = longestIncreasing(pairs.map(([, j]) => j)).map((k) => pairs[k]!);
    const bounds = [[-1, -1] as const, ...anchors, [oldParagraphs.length, newParagraphs.length] as const];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [i0, j0] = bounds[k]!;
      const [i1, j1] = bounds[k + 1]!;
      const oldStream = emptyStream();
      const ranges: [number, number, number][] = [];
      for (let i = i0 + 1; i < i1; i++) {
        if (map.identical[i] !== -1) continue;
        const from = oldStream.keys.length + (oldStream.keys.length > 0 ? 1 : 0);
        appendParagraph(oldStream, oldParagraphs[i]!, i, keys);
        ranges.push([i, from, oldStream.keys.length]);
      }
      const newStream = emptyStream();
      for (let j = j0 + 1; j < j1; j++) if (map.changed[j]) appendParagraph(newStream, newParagraphs[j]!, j, keys);
      if (oldStream.keys.length === 0 && newStream.keys.length === 0) continue;
      const gap = this.align(oldStream, newStream);
      this.gaps.push(gap);
      for (const [i, from, to] of ranges) this.oldPlace.set(i, { gap, from, to });
    }
  }

  private align(old: TokenStream, next: TokenStream): Gap {
    const edits: DiffOp[] = [];
    const positional: boolean[] = [];
    const oldTo = new Int32Array(old.keys.length).fill(-1);
    const oldEdit = new Int32Array(old.keys.length).fill(-1);
    const free = new Uint8Array(next.keys.length).fill(1);
    const pair = (a: number, b: number) => {
      if (old.keys[a] !== next.keys[b]) return;
      oldTo[a] = b;
      free[b] = 0;
    };
    for (const op of diffTokens(old, next, MAX_EDITS)) {
      if (op.equal) {
        for (let t = 0; t < op.a1 - op.a0; t++) pair(op.a0 + t, op.b0 + t);
        continue;
      }
      const sameShape = op.a1 - op.a0 === op.b1 - op.b0 && Array.from({ length: op.a1 - op.a0 }, (_, t) => old.kinds[op.a0 + t] === next.kinds[op.b0 + t]).every(Boolean);
      for (let a = op.a0; a < op.a1; a++) oldEdit[a] = edits.length;
      // Word for word: a word replaced by another, and the words around it that stayed.
      if (sameShape) for (let t = 0; t < op.a1 - op.a0; t++) pair(op.a0 + t, op.b0 + t);
      edits.push(op);
      positional.push(sameShape);
    }
    return { old, new: next, oldTo, oldEdit, edits, positional, free };
  }

  /** The tokens of old paragraph `paragraph` covering [start, end), or null if the paragraph is not diffed. */
  private tokens(paragraph: number, start: number, end: number): TokenSpan | null {
    const place = this.oldPlace.get(paragraph);
    if (!place) return null;
    const { gap, from, to } = place;
    const find = (offset: number) => {
      let low = from;
      let high = to - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (gap.old.start[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    return { gap, first: find(start), last: find(end - 1) };
  }

  /**
   * Where old span [start, end) of `paragraph` belongs in the new text, or null when that
   * cannot be told with confidence (the caller orphans it):
   *   - more than half of it stayed: its ends are followed through the diff (into a token that
   *     stayed, a word replaced word for word, past deleted words, or to the edge of a rewrite
   *     the span starts or ends with), unless another copy of its words fits its context
   *     better (or, among moved or inserted text, as well);
   *   - otherwise its words were deleted or moved: it goes to the one copy of them among the
   *     new tokens no old token is paired with that its context clearly supports.
   */
  place(paragraph: number, start: number, end: number): Placement | null {
    const span = this.tokens(paragraph, start, end);
    if (!span) return null;
    const { gap, first, last } = span;
    const { old } = gap;
    let total = 0;
    let kept = 0;
    for (let t = first; t <= last; t++) {
      if (isSpaceKind(old.kinds[t])) continue;
      const units = Math.min(end, old.start[t]! + old.lengths[t]!) - Math.max(start, old.start[t]!);
      total += units;
      if (gap.oldTo[t]! >= 0) kept += units;
    }
    if (kept * 2 <= total) return this.movedCopy(span, start, end);

    const from = this.followStart(gap, first, start - old.start[first]!);
    const to = this.followEnd(gap, last, end - old.start[last]!);
    if (!from || !to) return null;
    let placement: Placement | null;
    let evidence = kept;
    if (gap.new.paragraph[from.token] === gap.new.paragraph[to.token]) {
      const p = gap.new.paragraph[from.token]!;
      placement = tidy(this.newParagraphs[p]!, p, gap.new.start[from.token]! + from.offset, gap.new.start[to.token]! + to.offset);
      const before = context(old, first - 1, gap.new, from.token - 1, -1);
      const after = context(old, last + 1, gap.new, to.token + 1, 1);
      // Words inserted inside make the placement less like the span.
      let inserted = 0;
      for (let b = from.token; b <= to.token; b++) if (gap.free[b] === 1 && !isSpaceKind(gap.new.kinds[b])) inserted += gap.new.lengths[b]!;
      evidence += before.units + after.units - inserted;
      // Intact, and all the context that is weighed agrees on both sides: no copy can fit better.
      if (kept === total && inserted === 0 && before.complete && after.complete) return placement;
    } else {
      placement = this.largerPart(gap, first, last, total);
    }
    // The diff may have paired these words with the wrong copy (a repeated phrase, a near-
    // duplicate sentence moved): another copy whose context fits better makes it a guess, and
    // so does moved or inserted text fitting as well. (A tie with a copy the diff paired with
    // other old text is left to the diff, which keeps the order of the article.)
    const rival = (copy: Candidate) =>
      (copy.evidence > evidence || (copy.free && copy.evidence === evidence)) &&
      (copy.paragraphIndex !== placement?.paragraphIndex || copy.start !== placement.start);
    return this.copies(span, start, end, evidence).some(rival) ? null : placement;
  }

  /** Where the start of an old span inside token `t` (`within` units in) is now. */
  private followStart(gap: Gap, t: number, within: number): Point | null {
    const b = this.paired(gap, t);
    if (b !== null) {
      if (gap.old.keys[t] === gap.new.keys[b]) return { token: b, offset: Math.min(within, gap.new.lengths[b]!) };
      return within === 0 ? { token: b, offset: 0 } : null; // a replaced word: from its start only
    }
    // In deleted text the span starts where the text after the deletion does; in replaced text
    // only if it starts where the replacement does (else which new word starts it is a guess).
    const edit = gap.edits[gap.oldEdit[t]!]!;
    if (edit.b1 > edit.b0) {
      if (within !== 0) return null;
      for (let a = edit.a0; a < t; a++) if (!isSpaceKind(gap.old.kinds[a])) return null;
    }
    for (let b = edit.b0; b < gap.new.keys.length; b++) if (!isSpaceKind(gap.new.kinds[b])) return { token: b, offset: 0 };
    return null;
  }

  /** Where the end of an old span inside token `t` (`within` units in) is now. */
  private followEnd(gap: Gap, t: number, within: number): Point | null {
    const b = this.paired(gap, t);
    const length = gap.old.lengths[t]!;
    if (b !== null) {
      if (gap.old.keys[t] === gap.new.keys[b]) return { token: b, offset: Math.min(within, gap.new.lengths[b]!) };
      return within === length ? { token: b, offset: gap.new.lengths[b]! } : null; // a replaced word: to its end only
    }
    const edit = gap.edits[gap.oldEdit[t]!]!;
    if (edit.b1 > edit.b0) {
      if (within !== length) return null;
      for (let a = t + 1; a < edit.a1; a++) if (!isSpaceKind(gap.old.kinds[a])) return null;
    }
    for (let b = edit.b1 - 1; b >= 0; b--) if (!isSpaceKind(gap.new.kinds[b])) return { token: b, offset: gap.new.lengths[b]! };
    return null;
  }

  /** The new token old token `t` stayed as, or was replaced by word for word; null if neither. */
  private paired(gap: Gap, t: number): number | null {
    if (gap.oldTo[t]! >= 0) return gap.oldTo[t]!;
    const e = gap.oldEdit[t]!;
    return e >= 0 && gap.positional[e] ? gap.edits[e]!.b0 + (t - gap.edits[e]!.a0) : null;
  }

  /*
   * A span whose ends landed in different paragraphs (a paragraph was split through it):
   * kept on the paragraph holding more than half of it, from its first to its last kept token
   * there; otherwise there is no telling which part the reader meant.
   */
  private largerPart(gap: Gap, first: number, last: number, total: number): Placement | null {
    const parts = new Map<number, { units: number; from: number; to: number }>();
    for (let t = first; t <= last; t++) {
      const b = gap.oldTo[t]!;
      if (b < 0 || isSpaceKind(gap.old.kinds[t])) continue;
      const p = gap.new.paragraph[b]!;
      const part = parts.get(p) ?? { units: 0, from: b, to: b };
      part.units += gap.old.lengths[t]!;
      part.to = b;
      parts.set(p, part);
    }
    for (const [p, { units, from, to }] of parts) {
      if (units * 2 > total) return tidy(this.newParagraphs[p]!, p, gap.new.start[from]!, gap.new.start[to]! + gap.new.lengths[to]!);
    }
    return null;
  }

  /*
   * The one copy of a span's words among moved or inserted text (tokens no old token is
   * paired with) that has enough evidence, with no other copy close to it, and no copy the
   * diff paired with other old text fitting the context as well (then the diff may have
   * paired the wrong copy, and which is which cannot be told).
   */
  private movedCopy(span: TokenSpan, start: number, end: number): Placement | null {
    const copies = this.copies(span, start, end, MOVED_EVIDENCE - MOVED_MARGIN);
    const [best, second] = copies.filter((copy) => copy.free).sort((x, y) => y.evidence - x.evidence);
    if (!best || best.evidence < MOVED_EVIDENCE) return null;
    if (second && second.evidence > best.evidence - MOVED_MARGIN) return null;
    if (copies.some((copy) => !copy.free && copy.evidence >= best.evidence)) return null;
    return { paragraphIndex: best.paragraphIndex, start: best.start, end: best.end };
  }

  /*
   * Copies of an old span's tokens (whitespace and quote style aside) in the changed new
   * paragraphs with at least `minEvidence`: the span's own non-space code units plus those of
   * the context that agrees on either side.
   */
  private copies({ gap, first, last }: TokenSpan, start: number, end: number, minEvidence: number): Candidate[] {
    const old = gap.old;
    const headCut = start - old.start[first]!;
    const tailCut = old.start[last]! + old.lengths[last]! - end;
    const ownUnits = nonSpaceUnits(old, first, last + 1) - headCut - tailCut;
    // Look copies up by the span's rarest token: the fewest places to check.
    const index = this.byKey();
    let anchor = first;
    for (let t = first + 1; t <= last; t++) {
      if ((index.get(old.keys[t]!)?.length ?? 0) < (index.get(old.keys[anchor]!)?.length ?? 0)) anchor = t;
    }
    const candidates: Candidate[] = [];
    for (const [other, at] of index.get(old.keys[anchor]!) ?? []) {
      const n = other.new;
      const b = at - (anchor - first);
      const lastToken = b + last - first;
      let same = b >= 0 && lastToken < n.keys.length;
      let free = true;
      for (let t = 0; same && t <= last - first; t++) {
        same = n.keys[b + t] === old.keys[first + t];
        free &&= other.free[b + t] === 1;
      }
      // A span that starts or ends inside a word needs that word unchanged.
      if (same && (headCut > 0 || tailCut > 0)) same = n.lengths[b] === old.lengths[first] && n.lengths[lastToken] === old.lengths[last];
      if (!same) continue;
      const evidence = ownUnits + context(old, first - 1, n, b - 1, -1).units + context(old, last + 1, n, lastToken + 1, 1).units;
      if (evidence < minEvidence) continue;
      const p = n.paragraph[b]!;
      const placed = tidy(this.newParagraphs[p]!, p, n.start[b]! + headCut, n.start[lastToken]! + n.lengths[lastToken]! - tailCut);
      if (placed) candidates.push({ ...placed, evidence, free });
    }
    return candidates;
  }

  /** Every new token of the changed paragraphs, by key (built on first use). */
  private byKey(): Map<number, [Gap, number][]> {
    if (this.keyIndex) return this.keyIndex;
    const index = new Map<number, [Gap, number][]>();
    for (const gap of this.gaps) {
      gap.new.keys.forEach((key, b) => {
        const list = index.get(key);
        if (list) list.push([gap, b]);
        else index.set(key, [[gap, b]]);
      });
    }
    return (this.keyIndex = index);
  }
}

function nonSpaceUnits(stream: TokenStream, from: number, to: number): number {
  let units = 0;
  for (let t = from; t < to; t++) if (!isSpaceKind(stream.kinds[t])) units += stream.lengths[t]!;
  return units;
}

/*
 * How far the context agrees, walking outward token by token from old token `a` and new
 * token `b` (direction -1 before the span, +1 after) until they differ or CONTEXT_REACH
 * non-space code units agree: those units, plus a little when both run into a paragraph's
 * edge together, and whether nothing that is weighed disagrees (all of the reach agrees, or
 * both edges came first).
 */
function context(old: TokenStream, a: number, next: TokenStream, b: number, direction: -1 | 1): { units: number; complete: boolean } {
  let units = 0;
  for (let x = a, y = b; units < CONTEXT_REACH; x += direction, y += direction) {
    const oldEdge = x < 0 || x >= old.keys.length || old.kinds[x] === BREAK;
    const newEdge = y < 0 || y >= next.keys.length || next.kinds[y] === BREAK;
    if (oldEdge && newEdge) return { units: units + EDGE_AGREEMENT, complete: true };
    if (oldEdge || newEdge || old.keys[x] !== next.keys[y]) return { units, complete: false };
    if (old.kinds[x] !== SPACE) units += old.lengths[x]!;
  }
  return { units: Math.min(units, CONTEXT_REACH), complete: true };
}

/** A placement without leading or trailing whitespace, not cutting a character; null if empty. */
function tidy(text: string, paragraph: number, start: number, end: number): Placement | null {
  let from = snapBackward(text, start);
  let to = snapForward(text, end);
  while (from < to && isWhitespaceAt(text, from)) from++;
  while (to > from && isWhitespaceAt(text, to - 1)) to--;
  return from < to ? { paragraphIndex: paragraph, start: from, end: to } : null;
}
