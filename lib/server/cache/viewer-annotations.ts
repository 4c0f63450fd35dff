import "server-only";
import { mergeLayers } from "@/lib/annotations/merge-layers";
import type { Actor } from "@/lib/permissions";
import { chooseViewLayer, type LayerCandidate } from "@/lib/projects/layers";
import type { ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { listOwnAnnotations } from "@/lib/server/annotations/list-own-annotations";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { sharedLayerOf, type TextPart } from "@/lib/server/cache/shared-layer";

/**
 * The project layer `actor` reads the article in (see chooseViewLayer): the one they chose last
 * among those they may read, else their own team's. Null for an article in no project, whose work
 * is all outside projects; also null when they may read none of its projects, which the article
 * gate (canRead) has refused before anything asks.
 */
export function viewLayerOf(actor: Actor | null, stamp: ArticleStamp): string | null {
  return chooseViewLayer(actor, layerCandidates(stamp), stamp.layerPreference);
}

/** The stamp's projects as the layer rules take them. */
export function layerCandidates(stamp: Pick<ArticleStamp, "projects">): LayerCandidate[] {
  return stamp.projects.map(({ id, access, memberRole }) => ({ id, facts: { access, memberRole } }));
}

/**
 * What `actor` sees on `part` of the article's current text, in the layer they read it in
 * (viewLayerOf): the layer's cached shared part, plus — for a signed-in reader with any private work
 * on the article (see ArticleStamp.noPrivateWorkOf) — their own private work in it, read per request. The caller has checked that the actor may open the article.
 */
export async function annotationsForViewer({ actor, stamp, part }: { actor: Actor | null; stamp: ArticleStamp; part: TextPart }): Promise<ArticleAnnotations & { orphansPending: boolean; layer: string | null }> {
  const layer = viewLayerOf(actor, stamp);
  if (layer === null && stamp.projects.length > 0) throw new Error(`No layer of article ${stamp.id} is open to this reader: the article gate should have refused them.`);
  const [shared, own] = await Promise.all([
    sharedLayerOf(stamp, layer, part),
    // Someone the stamp found no private work of (most readers, most of the time) has none to read.
    actor && stamp.noPrivateWorkOf !== actor.id ? listOwnAnnotations({ actor, articleId: stamp.id, revision: stamp.revision, paragraphIds: part.paragraphIds && [...part.paragraphIds], projectId: layer }) : null,
  ]);
  // The shared layer's cursor: it is the older one, and the feed replays what came after it.
  return { ...mergeLayers(shared, own), lastEventId: shared.lastEventId, orphansPending: shared.orphansPending, layer };
}
