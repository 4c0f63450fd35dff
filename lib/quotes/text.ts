/** Words and sentences of a paragraph, as offsets, for the quote finder's rules. */

export interface Token {
  text: string;
  /** Lower case with ё folded to е: what the lexicons match. */
  lower: string;
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

// Property escapes cost about a microsecond a match; ASCII and Cyrillic, nearly every character
// here, are decided by their code, the rest by the regular expression.
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x400 && code <= 0x4ff) return true;
  return LETTER_OR_DIGIT.test(String.fromCharCode(code)) || (code >= 0xd800 && code <= 0xdfff && LETTER_OR_DIGIT.test(String.fromCodePoint(code)));
}

// Joiners inside a word: пресс-служба, O'Brien, 2.1б.
const isJoiner = (code: number): boolean => code === 45 || code === 39 || code === 0x2019 || code === 46;

/**
 * The words of `text` between `from` and `to`: letters and digits, joined by single hyphens,
 * apostrophes or dots (пресс-служба, O'Brien, 2.1б).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const lower = text.toLowerCase();
  // Lower-casing can change a string's length (İ → i̇); then each word is lower-cased on its own.
  const sameLength = lower.length === text.length;
  let i = from;
  while (i < to) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && (isWordChar(text.charCodeAt(i)) || (isJoiner(text.charCodeAt(i)) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))))) i++;
    const word = text.slice(start, i);
    tokens.push({ text: word, lower: (sameLength ? lower.slice(start, i) : word.toLowerCase()).replaceAll("ё", "е"), start, end: i });
  }
  return tokens;
}

/** Titles and initials whose full stop does not end a name: "Dr. Jane Smith", "В. Путин", "U.S. Secretary". */
export const isAbbreviation = (word: string): boolean => /^(?:\p{Lu}|Dr|Mr|Mrs|Ms|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|U\.S|U\.K)$/u.test(word);

/** Where the clause starting at `from` ends: at [.;!?—–] or a spaced hyphen, not at the full stop of "Dr." or "В.". */
export function clauseEnd(text: string, from: number, limit: number): number {
  const pattern = /[.;!?—–]|\s-\s/gu;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < limit; match = pattern.exec(text)) {
    if (match[0] === "." && isAbbreviation(/[\p{L}.]+$/u.exec(text.slice(Math.max(from, match.index - 4), match.index))?.[0] ?? "")) continue;
    return match.index;
  }
  return limit;
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
