/** A word in a text, with UTF-16 offsets into it (what String#slice and DOM ranges use). */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

// Letters, digits and combining marks, joined inside a word by a hyphen
// (российско-грузинский, пресс-служба, COVID-19) or an apostrophe (O'Brien,
// д’Артаньян). Invisible soft hyphens and zero-width (non-)joiners between
// letters, which scraped text is full of (поли\u00ADтика), do not split a
// word. A mark cannot start a word; anything else ends it, so emoji,
// punctuation and spaces never become part of a token.
const LETTERS = String.raw`[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|[\u00AD\u200C\u200D\u2060](?=[\p{L}\p{N}]))*`;
const WORD = new RegExp(String.raw`${LETTERS}(?:[-\u2010\u2011'\u2019\u02BC]${LETTERS})*`, "gu");
const HYPHEN_PART = /[^-\u2010\u2011]+/gu;
const HYPHEN = /[-\u2010\u2011]/u;

/**
 * Splits a text into word tokens, in order, with their offsets. Linear in the
 * length of the text; a hyphenated word is one token (see {@link wordParts}).
 */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The hyphen-separated parts of a token, with offsets into the same text; a plain word is its own only part. */
export function wordParts(token: WordToken): WordToken[] {
  if (!HYPHEN.test(token.text)) return [token];
  const parts: WordToken[] = [];
  for (const match of token.text.matchAll(HYPHEN_PART)) {
    parts.push({ text: match[0], start: token.start + match.index, end: token.start + match.index + match[0].length });
  }
  return parts;
}
