import { describeRange, matchQuote } from "@/lib/anchoring";

/**
 * Where an imported annotation goes on an article's current text: the import side of the W3C
 * export. The paragraph its target names (`#p-N`) and the position within it are hints; the quote
 * (with its context) decides, through the same matcher that re-anchors annotations after an
 * edit (lib/anchoring). So Glossa's own export lands exactly where it was, an annotation made on
 * a slightly different copy of the text still finds its words, and one whose words are gone is
 * reported as an orphan with the reason instead of landing somewhere wrong.
 */

export interface PlacementParagraph {
  id: string;
  /** The `#p-N` number. */
  position: number;
  text: string;
}

export interface QuoteToPlace {
  /** The `#p-N` the target names, or null when it names none (search the whole text). */
  paragraph: number | null;
  quote: { exact: string; prefix?: string; suffix?: string };
  /** UTF-16 code units within that paragraph, when the target gave a TextPositionSelector. */
  position: { start: number; end: number } | null;
}

export type Placement =
  | {
      placed: true;
      paragraph: PlacementParagraph;
      start: number;
      end: number;
      /** The words and context as they are in the text now (what the annotation stores). */
      exact: string;
      prefix: string;
      suffix: string;
      /** Found elsewhere than the paragraph the target named. */
      moved: boolean;
      /** The words found differ from the quote (an approximate match). */
      approximate: boolean;
    }
  | { placed: false; reason: string };

/** Where `exact` occurs in `text` (UTF-16 offsets). */
function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && exact.length > 0; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Places one annotation's quote on the article's paragraphs (in reading order), or says why it cannot. */
export function placeAnnotation(paragraphs: readonly PlacementParagraph[], item: QuoteToPlace): Placement {
  const named = item.paragraph === null ? undefined : paragraphs.find((paragraph) => paragraph.position === item.paragraph);
  const placed = (paragraph: PlacementParagraph, start: number, end: number): Placement => {
    const range = describeRange(paragraph.text, start, end);
    return { placed: true, paragraph, ...range, moved: named !== undefined && named.id !== paragraph.id, approximate: range.exact !== item.quote.exact };
  };

  if (named) {
    const { position } = item;
    // Glossa's own export, on the text it was made on: the position holds the very words.
    if (position && named.text.slice(position.start, position.end) === item.quote.exact) return placed(named, position.start, position.end);
    const match = matchQuote(named.text, item.quote, position?.start);
    if (match) return placed(named, match.start, match.end);
  }
  // The named paragraph is gone or no longer holds the words: the best match anywhere else.
  let best: { paragraph: PlacementParagraph; start: number; end: number; score: number } | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph === named) continue;
    const match = matchQuote(paragraph.text, item.quote);
    if (match && (!best || match.score > best.score)) best = { paragraph, ...match };
  }
  if (best) return placed(best.paragraph, best.start, best.end);

  // No context to go by (most clients send none, or a different one): exact words still decide
  // when they are unambiguous, that is when they occur once in the named paragraph (the nearest
  // to the position, if one was given) or, without one, once in the whole article.
  const words = `«${shorten(item.quote.exact)}»`;
  const inNamed = named ? occurrences(named.text, item.quote.exact) : [];
  if (named && inNamed.length > 0 && (inNamed.length === 1 || item.position)) {
    const hint = item.position?.start ?? 0;
    const nearest = inNamed.reduce((a, b) => (Math.abs(b - hint) < Math.abs(a - hint) ? b : a));
    return placed(named, nearest, nearest + item.quote.exact.length);
  }
  const everywhere = paragraphs.flatMap((paragraph) => occurrences(paragraph.text, item.quote.exact).map((start) => ({ paragraph, start })));
  if (everywhere.length === 1) return placed(everywhere[0]!.paragraph, everywhere[0]!.start, everywhere[0]!.start + item.quote.exact.length);
  if (everywhere.length > 1) return { placed: false, reason: `${words} occurs ${everywhere.length} times and the annotation's context does not say which.` };

  if (item.paragraph !== null && !named) return { placed: false, reason: `Paragraph ${item.paragraph} is not in the article, and ${words} is nowhere else in its text.` };
  if (/\n\s*\n/.test(item.quote.exact)) return { placed: false, reason: `${words} runs across paragraphs: Glossa anchors an annotation in one paragraph.` };
  return { placed: false, reason: `${words} is not in the article's current text${named ? ` (looked in paragraph ${named.position} first)` : ""}.` };
}
