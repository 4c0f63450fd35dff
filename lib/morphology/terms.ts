import { lemmatize, lemmatizeQueryWord, normalizeWord } from "./lemmatize";
import { tokenize, wordParts, type WordToken } from "./tokenize";

/** Longer "words" are URLs, hashes or base64, not something anyone searches for by lemma. */
export const MAX_WORD_LENGTH = 60;
/** PostgreSQL keeps positions 1..16383 in a tsvector and clamps larger ones; so do we, explicitly. */
export const MAX_POSITION = 16_383;

/** A lexeme of a text's tsvector and the word positions (1-based) it occurs at. */
export interface IndexTerm {
  lexeme: string;
  positions: number[];
}

/**
 * The lemmas of every word of a text with their positions, ready for a
 * tsvector built with the `simple` configuration. Each part of a hyphenated
 * word takes its own position (as PostgreSQL's parser does), so a query for
 * "пресс-служба" is the phrase пресс <-> служба and "грузинский" finds
 * "российско-грузинский". All lemmas of an ambiguous word share its position.
 */
export function indexTerms(text: string, language?: string): IndexTerm[] {
  const positionsByLexeme = new Map<string, number[]>();
  let position = 0;
  for (const part of indexableParts(text)) {
    position = Math.min(position + 1, MAX_POSITION);
    for (const lexeme of lemmatize(part.text, language)) {
      const positions = positionsByLexeme.get(lexeme);
      if (!positions) positionsByLexeme.set(lexeme, [position]);
      else if (positions[positions.length - 1] !== position) positions.push(position);
    }
  }
  return [...positionsByLexeme].map(([lexeme, positions]) => ({ lexeme, positions }));
}

/** One word of a query: a text matches it when it has any of `lemmas`. */
export interface QueryTerm {
  /** The word as typed (one part of a hyphenated word). */
  text: string;
  lemmas: string[];
  /** True for the second and later parts of a hyphenated word: they must directly follow the previous term. */
  joinedToPrevious: boolean;
}

/**
 * The terms of a query text, through the same tokeniser and lemmatiser as
 * {@link indexTerms} (a capitalised Russian name is read only as the name:
 * see `lemmatizeQueryWord`). Without a language (a query's is unknown), a
 * word also matches its own spelling, so texts in languages that are indexed
 * as written (Ukrainian, German...) stay findable by the exact form.
 */
export function queryTerms(text: string, language?: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const token of tokenize(text)) {
    if (token.text.length > MAX_WORD_LENGTH) continue;
    wordParts(token).forEach((part, index) => {
      const lemmas = new Set(lemmatizeQueryWord(part.text, language));
      if (language === undefined) lemmas.add(normalizeWord(part.text));
      terms.push({ text: part.text, lemmas: [...lemmas], joinedToPrevious: index > 0 });
    });
  }
  return terms;
}

function* indexableParts(text: string): Generator<WordToken> {
  for (const token of tokenize(text)) {
    if (token.text.length <= MAX_WORD_LENGTH) yield* wordParts(token);
  }
}

/**
 * The tsvector input syntax for terms (`'lexeme':1,5 'other':2`), to pass as
 * a parameter cast with `::tsvector`; quotes and backslashes are escaped.
 */
export function toTsvectorInput(terms: readonly IndexTerm[]): string {
  return terms.map((term) => `${quoteLexeme(term.lexeme)}:${term.positions.join(",")}`).join(" ");
}

/**
 * The tsquery input syntax (for `::tsquery`, with no configuration applied)
 * for query terms: every word required, in any order, or adjacent and in
 * order when `phrase`; a word's lemmas are alternatives; hyphen parts are
 * always adjacent. Empty when there are no terms.
 */
export function toTsqueryInput(terms: readonly QueryTerm[], phrase = false): string {
  let query = "";
  for (const term of terms) {
    const alternatives = term.lemmas.map(quoteLexeme);
    const word = alternatives.length > 1 ? `(${alternatives.join(" | ")})` : (alternatives[0] ?? "");
    if (!word) continue;
    query = query ? `${query} ${term.joinedToPrevious || phrase ? "<->" : "&"} ${word}` : word;
  }
  return query;
}

function quoteLexeme(lexeme: string): string {
  // Almost no lexeme holds a quote or a backslash: skip the two copies (every paragraph of a bulk import comes here).
  if (!lexeme.includes("'") && !lexeme.includes("\\")) return `'${lexeme}'`;
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}
