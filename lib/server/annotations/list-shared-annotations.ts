import "server-only";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";
import { listArticleWork, readLastEventId, type ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";

/**
 * The article's shared layer: the annotations and notes on its current text (or on `paragraphIds` of it) that every reader
 * may see (exactly what an anonymous visitor sees), with the event cursor it reflects. Never
 * anyone's private work, so it may be cached and handed to every reader (lib/server/cache).
 */
export async function listSharedAnnotations({ articleId, revision, paragraphIds }: { articleId: string; revision: number; paragraphIds?: string[] }): Promise<ArticleAnnotations> {
  const lastEventId = await readLastEventId(articleId);
  const work = await listArticleWork({ articleId, revision, paragraphIds, filter: { annotations: readableWorkWhere(null), notes: readableNoteWhere(null) } });
  return { ...work, lastEventId };
}
