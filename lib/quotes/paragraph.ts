import { findQuotedStretches, type QuotedStretch } from "./marks";
import { isFunctionWord, isSpeechVerb } from "./lexicon";
import { isCapitalised, sentenceEnd, sentenceEnds, sentenceStart, tokenize, type Token } from "./text";

/** One paragraph read once: its words, quoted stretches and sentence ends, shared by every rule. */
export interface Paragraph {
  index: number;
  text: string;
  tokens: Token[];
  stretches: QuotedStretch[];
  ends: number[];
  /** Stretches judged to be names or titles («Газпром»): their words read as ordinary words of the sentence. */
  names: Set<QuotedStretch>;
}

/** What the rules know about the whole article. */
export interface Article {
  paragraphs: Paragraph[];
  /** Words seen in lower case somewhere in the article: a capital on them is the sentence's, not a name's. */
  lowerSeen: Set<string>;
}

export function readArticle(texts: readonly string[]): Article {
  const lowerSeen = new Set<string>();
  const paragraphs = texts.map((text, index) => {
    const stretches = findQuotedStretches(text);
    const tokens = tokenize(text);
    for (const token of tokens) if (!isCapitalised(token.text)) lowerSeen.add(token.lower);
    return { index, text, tokens, stretches, ends: sentenceEnds(text, stretches), names: new Set<QuotedStretch>() };
  });
  return { paragraphs, lowerSeen };
}

/** Whether offset `at` lies inside a quotation, other than `around` (a stretch being read from inside). */
const inQuotation = (paragraph: Paragraph, at: number, around?: { from: number; to: number }): boolean =>
  paragraph.stretches.some((s) => at >= s.open && at < s.close && !paragraph.names.has(s) && !(around && s.open < around.from && s.close >= around.to));

export const sentenceStartOf = (paragraph: Paragraph, at: number): number => sentenceStart(paragraph.ends, at);
/** Whether only spaces stand between the start of the sentence holding `at` and `at`. */
export const startsSentence = (paragraph: Paragraph, at: number): boolean => paragraph.text.slice(sentenceStartOf(paragraph, at), at).trim() === "";
export const sentenceEndOf = (paragraph: Paragraph, at: number): number => sentenceEnd(paragraph.ends, at, paragraph.text.length);

/**
 * Words of `paragraph` in [from, to) that are not someone else's words: those inside a quotation
 * are left out, unless the range itself lies in it (the attribution inside «Мы готовы, — сказал
 * он, — но…») or the marks hold a name («Газпром»).
 */
export function tokensBetween(paragraph: Paragraph, from: number, to: number): Token[] {
  const { tokens } = paragraph;
  // Binary search for the first word at or after `from`: a long paragraph is read many times.
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  const found: Token[] = [];
  for (let i = low; i < tokens.length && tokens[i]!.end <= to; i++) {
    if (!inQuotation(paragraph, tokens[i]!.start, { from, to })) found.push(tokens[i]!);
  }
  return found;
}

/** A word that names someone: capitalised, and not a common word that merely opens a sentence. */
export function isNameWord(article: Article, token: Token): boolean {
  if (!isCapitalised(token.text) || isFunctionWord(token.lower) || isSpeechVerb(token.lower)) return false;
  // All capitals (МИД, ТАСС, CEO) and mixed case (McDonald) are names wherever they stand.
  if (token.text.length > 1 && token.text === token.text.toUpperCase()) return true;
  return !article.lowerSeen.has(token.lower);
}

/** The punctuation (not spaces) between two offsets. */
export const gapBetween = (text: string, from: number, to: number): string => text.slice(from, to).replace(/\s+/gu, "");
