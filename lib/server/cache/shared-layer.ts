import "server-only";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import type { ArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { listSharedAnnotations } from "@/lib/server/annotations/list-shared-annotations";
import { hasPendingOrphans } from "@/lib/server/cache/has-pending-orphans";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";

/** One project layer of an article, its shared part (what every reader of the layer may see), as cached: never anyone's private work. */
export interface SharedLayer extends ArticleAnnotations {
  /** Whether anyone's annotations wait under Needs review (see hasPendingOrphans): the page then renders it. */
  orphansPending: boolean;
}

/**
 * Per article and part of its text, keyed by the stamp's versions, which every write moves forward in the database:
 * a write on any instance makes the next read here load afresh. Bounded by rows held, so a few
 * articles with 10,000 annotations cannot crowd out memory.
 */
const layers = new VersionedCache<SharedLayer>({
  maxEntries: 2000,
  // About 0.5–1 KB per row: tens of MB at most.
  maxWeight: 50_000,
  weigh: (layer) => 1 + layer.annotations.length + layer.notes.length,
});

/** A stretch of an article's text: `name` says which (the same name always means the same paragraphs of a revision). */
export interface TextPart {
  name: string;
  /** Its paragraphs; the whole text when undefined. */
  paragraphIds?: readonly string[];
}

/**
 * Everything the shared layer depends on: the text's revision, the work, account and entity type
 * versions, and the access of the article's projects (work in a Closed project's layer is not
 * everyone's: making a project Closed takes its work out of the shared layer).
 */
function versionOf(stamp: ArticleStamp): string {
  const access = stamp.projects.map((project) => project.access).sort();
  return [stamp.revision, stamp.workVersion, stamp.usersVersion, stamp.entityTypesVersion, ...access].join(":");
}

/**
 * The shared part of the article's `layer` (a project's id; null for an article in no project) on
 * `part` of its text at the stamp's versions, from the cache when it holds them: a reader of a long
 * article's first screens does not load all of its annotations. The caller has checked that the
 * reader may read the layer (chooseViewLayer picks only such layers): a Closed project's layer is
 * cached like any other and handed to its members alone.
 */
export function sharedLayerOf(stamp: ArticleStamp, layer: string | null, part: TextPart): Promise<SharedLayer> {
  return layers.get(`${stamp.id}:${layer ?? "-"}:${part.name}`, versionOf(stamp), async () => {
    const [shared, orphansPending] = await Promise.all([
      listSharedAnnotations({ articleId: stamp.id, revision: stamp.revision, paragraphIds: part.paragraphIds && [...part.paragraphIds], projectId: layer }),
      hasPendingOrphans(stamp.id),
    ]);
    return { ...shared, orphansPending };
  });
}
