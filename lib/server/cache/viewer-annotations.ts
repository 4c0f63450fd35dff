import "server-only";
import { mergeLayers } from "@/lib/annotations/merge-layers";
import type { Actor } from "@/lib/permissions";
import type { ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { listOwnAnnotations } from "@/lib/server/annotations/list-own-annotations";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { sharedLayerOf, type TextPart } from "@/lib/server/cache/shared-layer";

/**
 * What `actor` may see on `part` of the article's current text: the cached
 * shared layer, plus — for a signed-in reader — their own private work, read per request.
 * Equal to listArticleAnnotations; the caller has checked that the actor may open the article.
 */
export async function annotationsForViewer({ actor, stamp, part }: { actor: Actor | null; stamp: ArticleStamp; part: TextPart }): Promise<ArticleAnnotations & { orphansPending: boolean }> {
  const [shared, own] = await Promise.all([
    sharedLayerOf(stamp, part),
    actor ? listOwnAnnotations({ actor, articleId: stamp.id, revision: stamp.revision, paragraphIds: part.paragraphIds && [...part.paragraphIds] }) : null,
  ]);
  // The shared layer's cursor: it is the older one, and the feed replays what came after it.
  return { ...mergeLayers(shared, own), lastEventId: shared.lastEventId, orphansPending: shared.orphansPending };
}
