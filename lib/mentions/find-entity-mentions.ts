import { lemmatize, lemmatizeQueryWord, normalizeWord, tokenize, wordParts } from "@/lib/morphology";

/** The entity whose mentions are looked for: its canonical name and the other names it is known by. */
export interface MentionTarget {
  name: string;
  aliases?: readonly string[];
  /**
   * A person: their surname (the last word of a name of two or more words) alone is a mention too
   * ("Путину" for Владимир Путин), as news text names people after the first time. First names alone
   * are not: one "Владимир" is no evidence for which one.
   */
  person?: boolean;
}

/** A span already tagged (by anyone): it is never suggested again, nor any span overlapping it. */
export interface TaggedSpan {
  paragraph: number;
  start: number;
  end: number;
}

/** One mention found: a paragraph index and UTF-16 offsets into its text. */
export interface FoundMention {
  paragraph: number;
  start: number;
  end: number;
  exact: string;
  /** The name (canonical, alias or surname) whose forms the words are. */
  via: string;
  /** 1 for a whole name or alias, lower for a surname alone (see {@link SURNAME_SCORE}). */
  score: number;
}

/** How sure a surname alone is: a whole name is surer (a namesake, a relative). */
export const SURNAME_SCORE = 0.8;
/** Which finder and version made a suggestion, stored with it. */
export const MENTION_FINDER_SOURCE = "findEntityMentions@1";
/** Longest name, in words, that is looked for: longer "names" are sentences, not names. */
const MAX_NAME_WORDS = 8;

interface NameTerm {
  lemmas: ReadonlySet<string>;
  /** A capitalised word of a name only matches a capitalised word: "Путин" is never "путина" (fishing season), "Роза" never "роза". */
  capitalised: boolean;
}

interface NamePattern {
  via: string;
  score: number;
  terms: NameTerm[];
}

interface TextPart {
  start: number;
  end: number;
  lemmas: readonly string[];
  capitalised: boolean;
  /** Whether the part starts / ends its whole token: a match never starts or ends inside a word ("служба" in "пресс-служба"). */
  tokenStart: boolean;
  tokenEnd: boolean;
}

const isCapitalised = (word: string) => {
  const first = word[0] ?? "";
  return first !== first.toLowerCase();
};

function namePattern(text: string, via: string, score: number, language: string | undefined): NamePattern | null {
  const terms: NameTerm[] = [];
  for (const token of tokenize(text)) {
    for (const part of wordParts(token)) {
      // Read as a name where the dictionary knows one ("Путин" is not also "путина", fishing season).
      const lemmas = new Set(lemmatizeQueryWord(part.text, language));
      // A word the lemmatiser leaves alone (other languages, digits) still matches its own spelling.
      lemmas.add(normalizeWord(part.text));
      terms.push({ lemmas, capitalised: isCapitalised(part.text) });
    }
  }
  return terms.length && terms.length <= MAX_NAME_WORDS ? { via, score, terms } : null;
}

function scoredNames(target: MentionTarget): { text: string; score: number }[] {
  const names = [target.name, ...(target.aliases ?? [])].map((text) => ({ text, score: 1 }));
  if (target.person) {
    const words = tokenize(target.name);
    const surname = words.at(-1);
    if (words.length >= 2 && surname && isCapitalised(surname.text)) names.push({ text: surname.text, score: SURNAME_SCORE });
  }
  return names;
}

/**
 * The names a target's mentions are looked for by: its name, each alias, and a person's surname
 * (e.g. to narrow a search index to the texts worth reading before {@link findEntityMentions}).
 */
export function mentionNames(target: MentionTarget): string[] {
  return scoredNames(target).map((name) => name.text);
}

/** The names to look for: the canonical name, each alias, and a person's surname; each once, any case. */
function namePatterns(target: MentionTarget, language: string | undefined): NamePattern[] {
  const seen = new Set<string>();
  const patterns: NamePattern[] = [];
  for (const { text, score } of scoredNames(target)) {
    const key = normalizeWord(text.replace(/\s+/g, " ").trim());
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const pattern = namePattern(text, text.trim(), score, language);
    if (pattern) patterns.push(pattern);
  }
  return patterns;
}

function textParts(text: string, language: string | undefined): TextPart[] {
  const parts: TextPart[] = [];
  for (const token of tokenize(text)) {
    const pieces = wordParts(token);
    pieces.forEach((part, index) =>
      parts.push({
        start: part.start,
        end: part.end,
        lemmas: [...lemmatize(part.text, language), normalizeWord(part.text)],
        capitalised: isCapitalised(part.text),
        tokenStart: index === 0,
        tokenEnd: index === pieces.length - 1,
      }),
    );
  }
  return parts;
}

const termMatches = (term: NameTerm, part: TextPart) => (!term.capitalised || part.capitalised) && part.lemmas.some((lemma) => term.lemmas.has(lemma));

/**
 * Every mention of an entity in an article's paragraphs, in any inflected form: the words of its
 * name or of an alias, adjacent and in order, each sharing a lemma with the name's word
 * ("Владимир Путин" finds "Владимира Путина", "Владимиру Путину"; a person's surname alone finds
 * "Путиным"). Whole words only (never "Путинизм", never "служба" inside "пресс-служба"), a
 * capitalised name word only where the text capitalises it too. Where names overlap the longest
 * wins ("Владимира Путина", not "Путина" inside it); spans overlapping a tagged span are left out.
 * Returned in text order.
 */
export function findEntityMentions(
  paragraphs: readonly string[],
  target: MentionTarget,
  { language, tagged = [] }: { language?: string; tagged?: readonly TaggedSpan[] } = {},
): FoundMention[] {
  const patterns = namePatterns(target, language);
  if (!patterns.length) return [];
  const found: FoundMention[] = [];
  paragraphs.forEach((text, paragraph) => {
    const parts = textParts(text, language);
    const candidates: FoundMention[] = [];
    for (const pattern of patterns) {
      const length = pattern.terms.length;
      for (let first = 0; first + length <= parts.length; first++) {
        const last = parts[first + length - 1]!;
        if (!parts[first]!.tokenStart || !last.tokenEnd) continue;
        if (!pattern.terms.every((term, offset) => termMatches(term, parts[first + offset]!))) continue;
        const start = parts[first]!.start;
        candidates.push({ paragraph, start, end: last.end, exact: text.slice(start, last.end), via: pattern.via, score: pattern.score });
      }
    }
    const taken = tagged.filter((span) => span.paragraph === paragraph);
    // Longest first, so a whole name takes its words before the surname inside it can.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
    const kept: FoundMention[] = [];
    for (const candidate of candidates) {
      const overlaps = (span: { start: number; end: number }) => span.start < candidate.end && candidate.start < span.end;
      if (taken.some(overlaps) || kept.some(overlaps)) continue;
      kept.push(candidate);
    }
    found.push(...kept.sort((a, b) => a.start - b.start));
  });
  return found;
}
