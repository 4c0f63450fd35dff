import "server-only";
import type { Actor } from "@/lib/permissions";
import type { ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { annotationsForViewer } from "@/lib/server/cache/viewer-annotations";

/**
 * Everything on an article's current text that this reader may see, if they may open the
 * article: its shared layer from the cache, their own private work read afresh. `article` is
 * the gate's answer when the caller already asked it (findReadableArticle).
 */
export async function getArticleAnnotations({ actor, articleId, article }: { actor: Actor | null; articleId: string; article?: ArticleStamp }): Promise<ArticleAnnotations> {
  const readable = article ?? (await findReadableArticle(actor, articleId));
  const { annotations, notes, lastEventId } = await annotationsForViewer({ actor, stamp: readable, part: { name: "all" } });
  return { annotations, notes, lastEventId };
}
