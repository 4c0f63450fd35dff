import "server-only";
import { packReaderState, type PackedReaderState } from "@/lib/annotations/packing";
import type { Actor } from "@/lib/permissions";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { articleTextPart } from "@/lib/server/cache/article-text";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { annotationsForViewer } from "@/lib/server/cache/viewer-annotations";
import { AppError } from "@/lib/server/errors";
import { articleTextQuerySchema } from "@/lib/validations/article";

export interface ArticleTextDTO {
  paragraphs: { id: string; position: number; kind: "PARAGRAPH" | "HEADING" | "BLOCKQUOTE" | "LIST_ITEM"; text: string }[];
  /** The annotations and notes on `paragraphs` this reader may see, packed against them. */
  state: PackedReaderState;
  /** Whether these are the article's last paragraphs. */
  done: boolean;
}

/**
 * The next stretch of an article's text for the reader, after the first screens the page
 * rendered: paragraphs after position `after` of `revision`, with their annotations and notes.
 * A revision that is no longer current answers 409: the reader reloads the new text. The text
 * and the shared annotations on it come from the caches (lib/server/cache); `article` is the
 * gate's answer when the caller already asked it (findReadableArticle).
 */
export async function getArticleText({ actor, articleId, query, article }: { actor: Actor | null; articleId: string; query: unknown; article?: ArticleStamp }): Promise<ArticleTextDTO> {
  const { revision, after, limit } = articleTextQuerySchema.parse(query);
  const readable = article ?? (await findReadableArticle(actor, articleId));
  if (readable.revision !== revision) throw new AppError("CONFLICT", "The article has a new revision: reload to read it.", { revision: readable.revision });

  const { paragraphs, more } = await articleTextPart(articleId, revision, { after, limit });
  const ids = paragraphs.map((paragraph) => paragraph.id);
  const { annotations, notes } = ids.length ? await annotationsForViewer({ actor, stamp: readable, part: { name: `after:${after}:${limit}`, paragraphIds: ids } }) : { annotations: [], notes: [] };
  return { paragraphs, state: packReaderState(annotations, notes, ids), done: !more };
}
