/** Words and sentences of a paragraph, as offsets, for the quote finder's rules. */

export interface Token {
  text: string;
  /** Lower case with ё folded to е: what the lexicons match. */
  lower: string;
  start: number;
  end: number;
}

// A word: letters and digits, joined by hyphens, apostrophes or dots (пресс-служба, O'Brien, 2.1б).
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

/** The words of `text` between `from` and `to`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const end = Math.min(match.index + match[0].length, to);
    const word = text.slice(match.index, end);
    tokens.push({ text: word, lower: word.toLowerCase().replaceAll("ё", "е"), start: match.index, end });
  }
  return tokens;
}

export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

// Abbreviations and initials after which a full stop does not end the sentence.
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}|г|гг|т|н|др|им|ул|св|см|стр|млн|млрд|тыс|руб|долл|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|No|vs|U\.S|U\.K|e\.g|i\.e)\.$/u;

/**
 * Offsets where sentences end in `text` (just after the [.!?…]), ignoring those inside `skip`
 * (the quoted stretches: a quotation of two sentences is one piece of the sentence around it).
 */
export function sentenceEnds(text: string, skip: readonly { open: number; close: number }[]): number[] {
  const ends: number[] = [];
  const pattern = /[.!?…]+(?=\s+[\p{Lu}\p{N}«„“"'‘—–-])/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index;
    if (skip.some((span) => at > span.open && at < span.close)) continue;
    if (match[0] === "." && ABBREVIATION.test(text.slice(Math.max(0, at - 6), at + 1))) continue;
    ends.push(at + match[0].length);
  }
  // "…the right one." The club said: the full stop inside the marks ends the sentence around them too.
  for (const span of skip) {
    if (/[.!?…]/u.test(text[span.close - 1] ?? "") && /^\s+[\p{Lu}«„“"]/u.test(text.slice(span.close + 1, span.close + 4))) ends.push(span.close + 1);
  }
  return ends.sort((a, b) => a - b);
}

/** Start of the sentence holding offset `at`. */
export function sentenceStart(ends: readonly number[], at: number): number {
  let start = 0;
  for (const end of ends) {
    if (end > at) break;
    start = end;
  }
  return start;
}

/** End of the sentence holding offset `at`. */
export function sentenceEnd(ends: readonly number[], at: number, length: number): number {
  for (const end of ends) if (end > at) return end;
  return length;
}
