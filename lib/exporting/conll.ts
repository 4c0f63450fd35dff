import { entitySpans, resolveOverlaps, type EntitySpan } from "./entity-spans";
import type { ArticleExport, ArticleSource } from "./types";

/**
 * CoNLL-2003 export with IOB2 tags (B-PER on a span's first token, I-PER on the others, O
 * outside), one token per line in the CoNLL-2003 column layout `token POS chunk NER` (no POS or
 * chunk tags: `_`), a blank line after each sentence, `-DOCSTART- -X- -X- O` before each
 * article. Lines starting with `#` are comments (the article and how many overlapping tags
 * were dropped); strip them (`grep -v '^#'`) for a reader that does not skip comments.
 *
 * Tokenisation, per paragraph: the text is first cut at every entity span boundary, so a token
 * never straddles a span's edge (a tag on part of a word makes that part a token). Each piece
 * is split at whitespace; a run of letters, combining marks and digits, with `'`, `’`, `-` or
 * `.` between two such characters (пресс-служба, O'Neil, 3.5), is one token; every other
 * character is a token of its own, a grapheme cluster (👍🏽, 🇬🇪) staying whole.
 *
 * Sentences: a paragraph ends a sentence; inside one, a sentence ends after `.`, `!`, `?` or
 * `…` (with any closing quotes or brackets after them) when whitespace follows and the next
 * token does not start with a lowercase letter, except after a single-letter initial (В. В.
 * Путин) and never inside an entity span.
 *
 * Overlapping entity tags cannot be expressed in IOB: they are resolved by the rule of
 * {@link resolveOverlaps} (longest wins) and the dropped ones counted in the article's header.
 */

export interface ConllToken {
  text: string;
  tag: string;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const JOINER = /^['’.-]$/u;
const SENTENCE_END = /^[.!?…]+$/u;
const CLOSING = /^[»"”’')\]]$/u;
const SIMPLE = /^[\p{L}\p{N}\p{P}\p{Sm}\p{Sc}]*$/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Tokens of a text piece with no span boundary inside (see the module comment). */
export function tokenize(piece: string): string[] {
  const tokens: string[] = [];
  for (const chunk of piece.split(/\s+/u)) {
    if (!chunk) continue;
    // Most chunks hold no combining mark, emoji or flag: there each code point is a cluster,
    // and skipping the segmenter makes a corpus export several times faster.
    const clusters = SIMPLE.test(chunk) ? [...chunk] : [...graphemes.segment(chunk)].map((segment) => segment.segment);
    let word = "";
    for (let i = 0; i < clusters.length; i++) {
      const cluster = clusters[i]!;
      const next = clusters[i + 1];
      if (WORD.test(cluster)) {
        word += cluster;
      } else if (word && JOINER.test(cluster) && next !== undefined && WORD.test(next)) {
        word += cluster;
      } else {
        if (word) tokens.push(word);
        word = "";
        tokens.push(cluster);
      }
    }
    if (word) tokens.push(word);
  }
  return tokens;
}

interface PlacedToken extends ConllToken {
  /** Whether whitespace follows the token in the text. */
  spaceAfter: boolean;
  /** Whether the token is inside an entity span but not its last token. */
  insideSpan: boolean;
}

/** The tokens of a paragraph with their IOB2 tags, given non-overlapping spans in text order. */
function tagParagraph(text: string, spans: readonly EntitySpan[]): PlacedToken[] {
  const tokens: PlacedToken[] = [];
  const emit = (from: number, to: number, span: EntitySpan | null) => {
    const piece = text.slice(from, to);
    const pieceTokens = tokenize(piece);
    let cursor = 0;
    pieceTokens.forEach((token, index) => {
      const at = piece.indexOf(token, cursor);
      cursor = at + token.length;
      const after = from + cursor;
      tokens.push({
        text: token,
        tag: span ? `${index === 0 ? "B" : "I"}-${span.label}` : "O",
        spaceAfter: after >= text.length || /\s/u.test(text[after]!),
        insideSpan: span !== null && index < pieceTokens.length - 1,
      });
    });
  };
  let from = 0;
  for (const span of spans) {
    emit(from, span.start, null);
    emit(span.start, span.end, span);
    from = span.end;
  }
  emit(from, text.length, null);
  return tokens;
}

function isInitial(token: string | undefined): boolean {
  return token !== undefined && /^\p{Lu}$/u.test(token);
}

/** Splits a paragraph's tokens into sentences (see the module comment). */
function sentences(tokens: PlacedToken[]): PlacedToken[][] {
  const result: PlacedToken[][] = [];
  let current: PlacedToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    current.push(token);
    if (!SENTENCE_END.test(token.text) || token.insideSpan || isInitial(tokens[i - 1]?.text)) continue;
    // Closing quotes and brackets belong to the sentence they close.
    while (i + 1 < tokens.length && CLOSING.test(tokens[i + 1]!.text) && !tokens[i]!.spaceAfter) current.push(tokens[++i]!);
    const next = tokens[i + 1];
    if (!tokens[i]!.spaceAfter || (next && /^\p{Ll}/u.test(next.text))) continue;
    result.push(current);
    current = [];
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** One article as CoNLL-2003 IOB2 text: header comments, `-DOCSTART-`, then its sentences. */
export function articleConll(doc: ArticleExport): string {
  let dropped = 0;
  const blocks: string[] = [];
  for (const paragraph of doc.article.paragraphs) {
    const resolved = resolveOverlaps(entitySpans(paragraph, doc.annotations));
    dropped += resolved.dropped;
    for (const sentence of sentences(tagParagraph(paragraph.text, resolved.kept))) {
      blocks.push(sentence.map((token) => `${token.text} _ _ ${token.tag}\n`).join(""));
    }
  }
  const header = [
    `# article: ${doc.article.slug}`,
    `# overlapping entity tags dropped: ${dropped} (longest wins; then the earlier start, then the older tag)`,
    "-DOCSTART- -X- -X- O",
    "",
  ].join("\n");
  return `${header}\n${blocks.map((block) => `${block}\n`).join("")}`;
}

/** Many articles as one CoNLL file, streamed an article at a time. */
export async function* streamConll(source: ArticleSource): AsyncGenerator<string> {
  for await (const doc of source) yield articleConll(doc);
}
