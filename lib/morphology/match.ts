import { lemmatize } from "./lemmatize";
import { MAX_WORD_LENGTH, queryTerms, type QueryTerm } from "./terms";
import { tokenize, wordParts, type WordToken } from "./tokenize";

/** A run of words in a text, as UTF-16 offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

interface LemmatisedPart extends WordToken {
  lemmas: readonly string[];
}

function lemmatisedParts(text: string, language?: string): LemmatisedPart[] {
  const parts: LemmatisedPart[] = [];
  for (const token of tokenize(text)) {
    if (token.text.length > MAX_WORD_LENGTH) continue;
    for (const part of wordParts(token)) parts.push({ ...part, lemmas: lemmatize(part.text, language) });
  }
  return parts;
}

const shares = (lemmas: readonly string[], term: QueryTerm) => lemmas.some((lemma) => term.lemmas.includes(lemma));

/**
 * Every place a phrase occurs in a text in any inflected form: its words
 * adjacent, in order, each sharing a lemma with the phrase's word
 * ("Владимир Путин" finds "Владимира Путина" and "Владимиру Путину").
 * The same rule as a tsquery phrase over {@link indexTerms}, for one text in
 * memory (other mentions of an entity in an article).
 */
export function findMentions(text: string, phrase: string, language?: string): TextSpan[] {
  const terms = queryTerms(phrase, language);
  if (!terms.length) return [];
  const parts = lemmatisedParts(text, language);
  const spans: TextSpan[] = [];
  for (let start = 0; start + terms.length <= parts.length; start++) {
    if (terms.every((term, offset) => shares(parts[start + offset]!.lemmas, term))) {
      spans.push({ start: parts[start]!.start, end: parts[start + terms.length - 1]!.end });
      start += terms.length - 1;
    }
  }
  return spans;
}

/**
 * Whether a text (in `language`) contains every word of a query in some
 * inflected form, in any order (hyphen parts adjacent): the search's rule for
 * several words, for one text in memory. The query's language is unknown, as
 * in the search box.
 */
export function containsAllWords(text: string, query: string, language?: string): boolean {
  const terms = queryTerms(query);
  if (!terms.length) return false;
  const parts = lemmatisedParts(text, language);
  // Group hyphen parts with their word, which must match as a phrase.
  const words: QueryTerm[][] = [];
  for (const term of terms) {
    if (term.joinedToPrevious && words.length) words[words.length - 1]!.push(term);
    else words.push([term]);
  }
  return words.every((word) => parts.some((_, start) => word.every((term, offset) => start + offset < parts.length && shares(parts[start + offset]!.lemmas, term))));
}
