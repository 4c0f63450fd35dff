/**
 * Generates the re-import corpus for the re-anchoring benchmark: from the articles of one
 * text set (reanchor-texts.ts) and a seed, re-imports of each edit type, each with the
 * annotations stored against the old version and the truth about where their words are now.
 *
 * The truth comes from provenance, not from an anchoring algorithm: every code unit of the
 * edited text remembers which code unit of the old text it is (or, for a replaced word, which
 * ones it replaces), so after any sequence of edits the generator knows where each
 * annotation's words went. The rule a person would apply:
 *   - unless more than half of the annotation's non-space code units are still in the text
 *     (not deleted, not rewritten), the annotation is ORPHANED;
 *   - otherwise it belongs on the new paragraph that holds them, from the first to the last
 *     of its surviving units and of the words that replaced its units (so a span keeps the
 *     words edited inside it), without leading or trailing whitespace.
 */
import { describeRange, type ReanchorResult, type StoredAnnotation } from "../../lib/anchoring";
import type { BenchArticle, LanguagePool, TextSet } from "./reanchor-texts";

export const EDIT_KINDS = [
  "typos elsewhere",
  "inserted before",
  "paragraph split",
  "paragraphs merged",
  "words changed inside",
  "span deleted",
  "sentence moved",
  "quotes normalised",
  "whitespace changed",
  "phrase repeated earlier",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** One re-import: the old and new paragraphs, the stored annotations and where each belongs now. */
export interface Reimport {
  kind: EditKind;
  article: number;
  oldParagraphs: string[];
  newParagraphs: string[];
  annotations: StoredAnnotation[];
  expected: ReanchorResult[];
}

/** A UTF-16 code unit of the edited text and where it came from. */
interface Unit {
  c: string;
  /** Id of the old unit this one is (possibly with another glyph, e.g. a normalised quote), or -1. */
  origin: number;
  /** Ids of the old units a replacement word stands for. */
  replaces: readonly number[];
}
type Doc = Unit[][];

type Random = () => number;

/** mulberry32: small, deterministic, good enough to pick edits. */
function generator(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const integer = (random: Random, from: number, to: number) => from + Math.floor(random() * (to - from + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const fresh = (text: string): Unit[] => text.split("").map((c) => ({ c, origin: -1, replaces: [] }));
const textOf = (units: Unit[]) => units.map((unit) => unit.c).join("");
const isSpace = (c: string) => /\s/.test(c);

// Sentence boundaries: end punctuation (and a closing quote), whitespace, then a capital, digit or opening quote.
const SENTENCE_GAP = /(?<=[.!?…][»”"’)]?)\s+(?=[«“„"(\p{Lu}\d])/gu;
const EDGE_PUNCTUATION = /^[.,;:!?«»“”„"'’()\-—–…]+|[.,;:!?«»“”„"'’()\-—–…]+$/gu;

/** [start, end) of each sentence of a paragraph's text, without the whitespace between them. */
function sentences(text: string): [number, number][] {
  const result: [number, number][] = [];
  let start = 0;
  for (const gap of text.matchAll(SENTENCE_GAP)) {
    result.push([start, gap.index]);
    start = gap.index + gap[0].length;
  }
  result.push([start, text.length]);
  return result;
}

/** [start, end) of each word: a whitespace-separated run without its edge punctuation. */
function words(text: string, from = 0, to = text.length): [number, number][] {
  const result: [number, number][] = [];
  for (const run of text.slice(from, to).matchAll(/\S+/g)) {
    const stripped = run[0].replace(EDGE_PUNCTUATION, "");
    if (stripped === "") continue;
    const start = from + run.index + run[0].indexOf(stripped);
    result.push([start, start + stripped.length]);
  }
  return result;
}

/** Where each old unit id is now. */
function locate(doc: Doc): Map<number, [number, number]> {
  const where = new Map<number, [number, number]>();
  doc.forEach((units, p) => units.forEach((unit, o) => unit.origin >= 0 && where.set(unit.origin, [p, o])));
  return where;
}

/** An annotation as generated: its stored form and the old unit ids it covers. */
interface Target {
  stored: StoredAnnotation;
  ids: number[];
}

/** The current [paragraph, start, end) of a target whose units are all still present and contiguous. */
function currentSpan(doc: Doc, target: Target): [number, number, number] | null {
  const where = locate(doc);
  const first = where.get(target.ids[0]!);
  const last = where.get(target.ids.at(-1)!);
  if (!first || !last || first[0] !== last[0] || last[1] - first[1] !== target.ids.length - 1) return null;
  return [first[0], first[1], last[1] + 1];
}

/** The sentence [start, end) of paragraph `p` that contains `offset`. */
function sentenceAt(doc: Doc, p: number, offset: number): [number, number] {
  const all = sentences(textOf(doc[p]!));
  return all.find(([, end]) => offset < end) ?? all.at(-1)!;
}

/** Removes [start, end) of paragraph p with the whitespace that separated it from its neighbour. */
function cut(doc: Doc, p: number, start: number, end: number): Unit[] {
  const units = doc[p]!;
  let from = start;
  let to = end;
  if (to < units.length) while (to < units.length && isSpace(units[to]!.c)) to++;
  else while (from > 0 && isSpace(units[from - 1]!.c)) from--;
  const removed = units.splice(from, to - from);
  if (units.length === 0) doc.splice(p, 1);
  return removed.slice(start - from, start - from + end - start);
}

/** Inserts a sentence (as units) before the sentence starting at `offset`, or at the paragraph's end. */
function insertSentence(doc: Doc, p: number, offset: number, sentence: Unit[]): void {
  const units = doc[p]!;
  if (offset >= units.length) units.push(...fresh(" "), ...sentence);
  else units.splice(offset, 0, ...sentence, ...fresh(" "));
}

interface Context {
  doc: Doc;
  targets: Target[];
  random: Random;
  pool: LanguagePool;
  language: BenchArticle["language"];
}

const ids = (targets: Target[]) => new Set(targets.flatMap((target) => target.ids));

const EDITS: Record<EditKind, (context: Context) => void> = {
  "typos elsewhere": ({ doc, targets, random }) => {
    const covered = ids(targets);
    const candidates: [number, number][] = [];
    doc.forEach((units, p) => {
      for (const [start, end] of words(textOf(units))) {
        if (end - start < 4) continue;
        for (let o = start + 1; o < end - 1; o++) {
          const near = units.slice(o - 1, o + 3);
          if (near.every((unit) => /^\p{L}$/u.test(unit.c) && !covered.has(unit.origin))) candidates.push([p, o]);
        }
      }
    });
    // Edit from the end so earlier candidates keep their offsets.
    const chosen = [...new Set(Array.from({ length: integer(random, 1, 3) }, () => pick(random, candidates)))];
    chosen.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    for (const [p, o] of chosen) {
      const units = doc[p]!;
      const kind = integer(random, 0, 2);
      if (kind === 0) [units[o], units[o + 1]] = [{ ...units[o]!, c: units[o + 1]!.c }, { ...units[o + 1]!, c: units[o]!.c }];
      else if (kind === 1) units.splice(o, 1);
      else units.splice(o, 0, { c: units[o]!.c, origin: -1, replaces: [] });
    }
  },

  "inserted before": ({ doc, targets, random, pool }) => {
    for (let n = integer(random, 1, 2); n > 0; n--) {
      const span = currentSpan(doc, pick(random, targets));
      if (!span) continue;
      const [p, start] = span;
      const filler = fresh(pick(random, pool.fillers));
      const where = integer(random, 0, 2);
      if (where === 0) insertSentence(doc, p, sentenceAt(doc, p, start)[0], filler);
      else doc.splice(where === 1 ? p : Math.min(1, doc.length), 0, filler);
    }
  },

  "paragraph split": ({ doc, random }) => {
    for (let n = integer(random, 1, 2); n > 0; n--) {
      const splittable = doc.flatMap((units, p) => (sentences(textOf(units)).length > 1 ? [p] : []));
      if (splittable.length === 0) return;
      const p = pick(random, splittable);
      const all = sentences(textOf(doc[p]!));
      const k = integer(random, 1, all.length - 1);
      const units = doc[p]!;
      doc.splice(p, 1, units.slice(0, all[k - 1]![1]), units.slice(all[k]![0]));
    }
  },

  "paragraphs merged": ({ doc, random }) => {
    for (let n = integer(random, 1, 2); n > 0 && doc.length > 1; n--) {
      const p = integer(random, 0, doc.length - 2);
      doc.splice(p, 2, [...doc[p]!, ...fresh(" "), ...doc[p + 1]!]);
    }
  },

  "words changed inside": ({ doc, targets, random, pool }) => {
    const chosen = [...targets].sort(() => random() - 0.5).slice(0, integer(random, 1, 3));
    for (const target of chosen) {
      const span = currentSpan(doc, target);
      if (!span) continue;
      const [p, start, end] = span;
      const inner = words(textOf(doc[p]!), start, end).slice(1, -1);
      if (inner.length === 0) continue;
      const nonSpace = target.stored.exact.replace(/\s/g, "").length;
      let replaced = [...inner].sort(() => random() - 0.5).slice(0, integer(random, 1, 2));
      const share = (list: [number, number][]) => list.reduce((sum, [a, b]) => sum + b - a, 0) / nonSpace;
      if (share(replaced) > 0.4) replaced = replaced.slice(0, 1);
      if (share(replaced) > 0.4) continue;
      replaced.sort((a, b) => b[0] - a[0]);
      for (const [a, b] of replaced) {
        const units = doc[p]!;
        const old = textOf(units.slice(a, b));
        const word = pick(random, pool.words.filter((candidate) => candidate !== old.toLowerCase()));
        const replaces = units.slice(a, b).map((unit) => unit.origin).filter((id) => id >= 0);
        units.splice(a, b - a, ...word.split("").map((c) => ({ c, origin: -1, replaces })));
      }
    }
  },

  "span deleted": ({ doc, targets, random }) => {
    for (let n = integer(random, 1, 2); n > 0; n--) {
      const span = currentSpan(doc, pick(random, targets));
      if (!span) continue;
      const [p, start, end] = span;
      if (random() < 0.5) cut(doc, p, ...sentenceAt(doc, p, start));
      else cut(doc, p, start, end);
    }
  },

  "sentence moved": ({ doc, targets, random }) => {
    // Prefer sentences holding a phrase that also occurs elsewhere: the one a naive search confuses.
    const full = doc.map(textOf).join("\n");
    const repeated = targets.filter((target) => full.indexOf(target.stored.exact) !== full.lastIndexOf(target.stored.exact));
    for (let n = integer(random, 1, 2), attempts = 0; n > 0 && attempts < 10; n--, attempts++) {
      const target = repeated.length > 0 && random() < 0.7 ? pick(random, repeated) : pick(random, targets);
      const span = currentSpan(doc, target);
      if (!span) continue;
      const [p, start] = span;
      const before = doc.map(textOf).join("\n");
      const sentence = cut(doc, p, ...sentenceAt(doc, p, start));
      const q = integer(random, 0, doc.length - 1);
      const boundaries = [...sentences(textOf(doc[q]!)).map(([a]) => a), doc[q]!.length];
      insertSentence(doc, q, pick(random, boundaries), sentence);
      if (doc.map(textOf).join("\n") === before) n++; // moved back where it was: try again
    }
  },

  "quotes normalised": ({ doc, random, language }) => {
    const styles = language === "ru" ? ["“”", '""', "„“"] : ['""', "«»", "„“"];
    const [open, close] = pick(random, styles).split("") as [string, string];
    const paragraphs = doc.filter(() => random() < 0.7);
    for (const units of paragraphs) {
      units.forEach((unit, o) => {
        const opening = o === 0 || isSpace(units[o - 1]!.c) || units[o - 1]!.c === "(";
        if ("«“„".includes(unit.c) || (unit.c === '"' && opening)) unit.c = open;
        else if ("»”".includes(unit.c) || unit.c === '"') unit.c = close;
        else if (unit.c === "’" && language === "en") unit.c = "'";
      });
    }
  },

  "whitespace changed": ({ doc, targets, random }) => {
    // The old version was prepared with doubled spaces (see prepareOld): collapse most of them.
    for (const units of doc) {
      for (let o = units.length - 1; o > 0; o--) {
        if (units[o]!.c === " " && units[o - 1]!.c === " " && random() < 0.8) units.splice(o, 1);
      }
    }
    // Double spaces right before and inside annotated spans, and make some non-breaking.
    for (let n = integer(random, 2, 5); n > 0; n--) {
      const span = currentSpan(doc, pick(random, targets));
      if (!span) continue;
      const [p, start, end] = span;
      const units = doc[p]!;
      const spaces = [start - 1, ...Array.from({ length: end - start }, (_, i) => start + i)].filter((o) => o >= 0 && units[o]?.c === " ");
      if (spaces.length === 0) continue;
      const o = pick(random, spaces);
      if (random() < 0.7) units.splice(o, 0, ...fresh(" "));
      else units[o] = { ...units[o]!, c: "\u00a0" };
    }
  },

  "phrase repeated earlier": ({ doc, targets, random, pool }) => {
    for (let n = integer(random, 1, 2); n > 0; n--) {
      const target = pick(random, targets);
      const span = currentSpan(doc, target);
      if (!span) continue;
      const [p, start] = span;
      const sentence = fresh(pick(random, pool.templates).replace("{}", target.stored.exact));
      const where = integer(random, 0, 2);
      if (where === 0) insertSentence(doc, p, sentenceAt(doc, p, start)[0], sentence);
      else if (where === 1) insertSentence(doc, p, 0, sentence);
      else doc.splice(integer(random, 0, p), 0, sentence);
    }
  },
};

/** The old version of an article for this edit kind: with doubled spaces when they are to be collapsed. */
function prepareOld(paragraphs: string[], kind: EditKind, random: Random): string[] {
  if (kind !== "whitespace changed") return paragraphs;
  return paragraphs.map((text) => text.replace(/ /g, (space) => (random() < 0.12 ? "  " : space)));
}

/** Annotations a reader might make: one to six words of one sentence, sometimes with their quotes. */
function annotate(paragraphs: string[], count: number, random: Random): { stored: StoredAnnotation; start: number; end: number }[] {
  const result: { stored: StoredAnnotation; start: number; end: number }[] = [];
  while (result.length < count) {
    const p = integer(random, 0, paragraphs.length - 1);
    const text = paragraphs[p]!;
    const [from, to] = pick(random, sentences(text));
    const inSentence = words(text, from, to);
    if (inSentence.length === 0) continue;
    const length = Math.min(inSentence.length, pick(random, [1, 1, 2, 2, 2, 3, 3, 4, 5, 6]));
    const first = integer(random, 0, inSentence.length - length);
    let start = inSentence[first]![0];
    let end = inSentence[first + length - 1]![1];
    const opening = text.charAt(start - 1);
    const closing = text.charAt(end);
    if (opening !== "" && closing !== "" && "«“„\"".includes(opening) && "»”\"“".includes(closing) && random() < 0.5) {
      start--;
      end++;
    }
    result.push({ stored: { id: `a${result.length}`, paragraphIndex: p, ...describeRange(text, start, end) }, start, end });
  }
  return result;
}

/** Where the annotation over old units `ids` belongs in the edited document (see the module comment). */
function truth(doc: Doc, stored: StoredAnnotation, ids: number[], oldChar: (id: number) => string): ReanchorResult {
  const own = new Set(ids);
  const nonSpace = ids.filter((id) => !isSpace(oldChar(id)));
  const survivors = new Map<number, number[]>();
  const members = new Map<number, number[]>();
  doc.forEach((units, p) =>
    units.forEach((unit, o) => {
      const survives = own.has(unit.origin);
      if (survives && !isSpace(oldChar(unit.origin))) survivors.set(p, [...(survivors.get(p) ?? []), o]);
      if (survives || unit.replaces.some((id) => own.has(id))) members.set(p, [...(members.get(p) ?? []), o]);
    }),
  );
  const surviving = [...survivors.values()].reduce((sum, list) => sum + list.length, 0);
  if (surviving <= nonSpace.length / 2) return { id: stored.id, status: "ORPHANED" };
  if (survivors.size > 1) throw new Error(`Generator bug: annotation ${stored.id} split across paragraphs.`);
  const [p] = [...survivors.keys()] as [number];
  const units = doc[p]!;
  const offsets = members.get(p)!;
  let start = Math.min(...offsets);
  let end = Math.max(...offsets) + 1;
  while (isSpace(units[start]!.c)) start++;
  while (isSpace(units[end - 1]!.c)) end--;
  return { id: stored.id, paragraphIndex: p, start, end };
}

/**
 * Builds `perKind` re-imports of every edit kind from the articles of `set`, deterministically
 * from `seed`. Each re-import applies one to three edits of its kind (aimed at annotated text
 * where the kind allows) to a fresh copy of one article carrying 16 to 24 annotations.
 */
export function generateCorpus(set: TextSet, seed: number, perKind: number): Reimport[] {
  const random = generator(seed);
  const corpus: Reimport[] = [];
  for (const kind of EDIT_KINDS) {
    for (let n = 0; n < perKind; n++) {
      const articleIndex = (n + EDIT_KINDS.indexOf(kind)) % set.articles.length;
      const article = set.articles[articleIndex]!;
      const oldParagraphs = prepareOld(article.paragraphs, kind, random);
      const idOf: number[][] = [];
      const oldChars: string[] = [];
      const doc: Doc = oldParagraphs.map((text, p) => {
        idOf[p] = [];
        return text.split("").map((c) => {
          idOf[p]!.push(oldChars.length);
          oldChars.push(c);
          return { c, origin: oldChars.length - 1, replaces: [] };
        });
      });
      const targets = annotate(oldParagraphs, integer(random, 16, 24), random).map(({ stored, start, end }) => ({
        stored,
        ids: idOf[stored.paragraphIndex]!.slice(start, end),
      }));
      const before = doc.map(textOf).join("\n");
      EDITS[kind]({ doc, targets, random, pool: set.pools[article.language], language: article.language });
      if (doc.map(textOf).join("\n") === before) {
        n--; // the edit found nothing to do (e.g. no span with inner words): draw again
        continue;
      }
      corpus.push({
        kind,
        article: articleIndex,
        oldParagraphs,
        newParagraphs: doc.map(textOf),
        annotations: targets.map((target) => target.stored),
        expected: targets.map((target) => truth(doc, target.stored, target.ids, (id) => oldChars[id]!)),
      });
    }
  }
  return corpus;
}
