/**
 * What search indexes of the things that are not paragraphs: a note's words without its Markdown
 * link targets, and an entity's names as one vector whose names never run into each other.
 */
import { indexTerms, MAX_POSITION, toTsvectorInput, type IndexTerm } from "@/lib/morphology";

const IMAGE_OR_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const AUTOLINK = /<(?:https?|mailto):[^>\s]*>/gi;
const BARE_URL = /\bhttps?:\/\/\S+/gi;
const MARKUP = /(^|\s)(?:#{1,6}|>|[-*+]|\d+\.)\s+|[*_~`]+/gm;

/**
 * The words a reader sees in a note written in Markdown, as one line of plain text: link and
 * image targets are dropped (a URL's pieces are not words anyone searches for), emphasis,
 * heading, quote and list markers removed; what is left is what its snippet shows.
 */
export function noteSearchText(markdown: string): string {
  return markdown
    .replace(IMAGE_OR_LINK, "$1")
    .replace(AUTOLINK, " ")
    .replace(BARE_URL, " ")
    .replace(MARKUP, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Positions left between two names, so that a phrase never matches across the end of one and the start of the next. */
const NAME_GAP = 10;

/**
 * The tsvector input of an entity's names (its name, then its aliases): each name's lemmas, the
 * names far enough apart that "Соболева Ирина" is not a phrase made of two names.
 */
export function namesVector(names: readonly string[]): string {
  const merged = new Map<string, number[]>();
  let offset = 0;
  for (const name of names) {
    const terms: IndexTerm[] = indexTerms(name);
    let last = 0;
    for (const term of terms) {
      const positions = term.positions.map((position) => position + offset);
      merged.set(term.lexeme, [...(merged.get(term.lexeme) ?? []), ...positions]);
      last = Math.max(last, ...term.positions);
    }
    offset += last + NAME_GAP;
  }
  return toTsvectorInput([...merged].map(([lexeme, positions]) => ({ lexeme, positions: positions.filter((position) => position <= MAX_POSITION) })).filter((term) => term.positions.length));
}
