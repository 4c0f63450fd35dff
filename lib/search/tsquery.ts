import { queryTerms, toTsqueryInput } from "@/lib/morphology";
import type { SearchTerm } from "./query";

/**
 * The tsquery input (for `$1::tsquery`, no text search configuration) that
 * finds a parsed query's words and phrases in an index built by
 * `indexTerms`: every word in some inflected form, each phrase's words
 * adjacent and in order, no excluded word or phrase. Null when nothing is
 * required (only exclusions, or no words at all): a query of exclusions
 * alone would match nearly everything, so the caller should ask for a word.
 */
export function searchTsquery(terms: readonly SearchTerm[]): string | null {
  const required: string[] = [];
  const excluded: string[] = [];
  for (const term of terms) {
    const query = toTsqueryInput(queryTerms(term.text), term.kind === "phrase");
    if (!query) continue;
    if (term.exclude) excluded.push(`!(${query})`);
    else required.push(`(${query})`);
  }
  return required.length ? [...required, ...excluded].join(" & ") : null;
}

/**
 * True when the required part of `searchTsquery(terms)` is a single word (one lexeme, or its
 * alternatives): a text holds it exactly when one of its parts does, so an article's vector of
 * all its paragraphs answers it exactly. Several words (all in one paragraph) or a phrase (in
 * one paragraph, adjacent) need the paragraphs themselves to confirm.
 */
export function isSingleWord(terms: readonly SearchTerm[]): boolean {
  return terms.filter((term) => !term.exclude).reduce((words, term) => words + queryTerms(term.text).filter((word) => word.lemmas.length).length, 0) === 1;
}
