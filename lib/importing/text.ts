import { assertImportable, buildArticle, resolveLimits } from "./article";
import { normalizeInline, normalizeText } from "./normalize";
import type { ArticleMetadata, ImportLimits, ParsedArticle } from "./types";

const MAX_HEADLINE_CHARS = 200;

/*
 * A line "ends a sentence" if its last character, ignoring closing quotes and brackets, is
 * terminal punctuation: «…сказал он.» is a sentence, «Путин: “Мы готовы”» is a headline.
 */
const SENTENCE_END = /[.!?…:;]["'”’»“„)\]]*$/u;

/** A block that can be a headline: one short line that does not end like a sentence. */
function isHeadlineCandidate(block: string): boolean {
  return !block.includes("\n") && block.length <= MAX_HEADLINE_CHARS && !SENTENCE_END.test(block);
}

/**
 * Parses plain text: paragraphs are separated by blank lines, line breaks inside a paragraph
 * become spaces. Without `meta.title` the headline is guessed: the last block if it is one
 * short line without terminal punctuation (many news exports append the headline at the
 * end), otherwise such a first block; otherwise the title is derived from the first
 * paragraph. A headline block is never also kept as a paragraph. Rejects with ImportError:
 * EMPTY, TOO_LARGE, TOO_MANY_PARAGRAPHS or BINARY.
 */
export async function parsePlainText(input: string, meta: ArticleMetadata = {}, limits?: Partial<ImportLimits>): Promise<ParsedArticle> {
  const resolved = resolveLimits(limits);
  assertImportable(input, resolved);

  const blocks = normalizeText(input)
    .split(/\n{2,}/)
    .filter((block) => block.length > 0);

  let foundTitle: string | undefined;
  // A lone block is the article itself; calling it a headline would leave no body.
  if (!meta.title?.trim() && blocks.length > 1) {
    const last = blocks[blocks.length - 1];
    const first = blocks[0];
    if (last !== undefined && isHeadlineCandidate(last)) foundTitle = blocks.pop();
    else if (first !== undefined && isHeadlineCandidate(first)) foundTitle = blocks.shift();
  }

  return buildArticle({
    paragraphs: blocks.map((block) => ({ kind: "PARAGRAPH", text: normalizeInline(block) })),
    foundTitle,
    meta,
    limits: resolved,
  });
}
