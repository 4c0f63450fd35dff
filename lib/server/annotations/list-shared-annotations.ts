import "server-only";
import { sharedLayerNoteWhere, sharedLayerWorkWhere } from "@/lib/permissions/where";
import { listArticleWork, readLastEventId, type ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";

/**
 * One project layer of the article (`projectId`; null for an article in no project): the shared
 * annotations and notes on its current text (or on `paragraphIds` of it) that every reader of that
 * layer may see, with the event cursor it reflects. Never anyone's private work, so it may be
 * cached and handed to every reader of the layer (lib/server/cache), once they are let in.
 */
export async function listSharedAnnotations({ articleId, revision, paragraphIds, projectId }: { articleId: string; revision: number; paragraphIds?: string[]; projectId: string | null }): Promise<ArticleAnnotations> {
  const lastEventId = await readLastEventId(articleId);
  const work = await listArticleWork({ articleId, revision, paragraphIds, filter: { annotations: sharedLayerWorkWhere(projectId), notes: sharedLayerNoteWhere(projectId) } });
  return { ...work, lastEventId };
}
