import "server-only";
import { packReaderState, type PackedReaderState } from "@/lib/annotations/packing";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
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
 * A revision that is no longer current answers 409: the reader reloads the new text.
 */
export async function getArticleText({ actor, articleId, query }: { actor: Actor | null; articleId: string; query: unknown }): Promise<ArticleTextDTO> {
  const { revision, after, limit } = articleTextQuerySchema.parse(query);
  const article = await findReadableArticle(actor, articleId);
  if (article.revision !== revision) throw new AppError("CONFLICT", "The article has a new revision: reload to read it.", { revision: article.revision });

  // One more than asked tells whether the text goes on.
  const rows = await db().paragraph.findMany({
    where: { articleId, revision, position: { gt: after } },
    orderBy: { position: "asc" },
    take: limit + 1,
    select: { id: true, position: true, kind: true, text: true },
  });
  const paragraphs = rows.slice(0, limit);
  const ids = paragraphs.map((paragraph) => paragraph.id);
  const { annotations, notes } = ids.length ? await listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision, paragraphIds: ids }) : { annotations: [], notes: [] };
  return { paragraphs, state: packReaderState(annotations, notes, ids), done: rows.length <= limit };
}
