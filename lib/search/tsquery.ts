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
