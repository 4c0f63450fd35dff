import "server-only";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import type { Actor } from "@/lib/permissions";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { getArticleGuidelines, type ProjectGuidelines } from "@/lib/server/projects/get-article-guidelines";

/** Per article, layer and kind of reader, valid for one version of the article's projects. */
const guidelinesOf = new VersionedCache<ProjectGuidelines[]>({
  maxEntries: 5000,
  // Markdown of a few KB per project: a few MB at most.
  maxWeight: 8 * 1024 * 1024,
  weigh: (list) => list.reduce((sum, project) => sum + project.guidelines.length + project.name.length, 1),
});

/**
 * The guidelines of the article's projects `actor` may read, their layer's first
 * (getArticleGuidelines), read once per version. Which projects someone may read depends only on
 * whether they are an admin or signed in at all, and on their membership of each project (the
 * read rule, readableProjectWhere); the stamp carries the article's projects with the viewer's role
 * in each, their access, names and guidelines' digests. So the key (article, layer, site role) and
 * that version decide the answer: an edit of the guidelines, a rename, a membership or access
 * change reads afresh on any instance.
 */
export function articleGuidelines({ actor, stamp, layer }: { actor: Actor | null; stamp: Pick<ArticleStamp, "id" | "projects">; layer: string | null }): Promise<ProjectGuidelines[]> {
  return guidelinesOf.get(`${stamp.id}:${layer ?? "-"}:${actor?.role ?? "anonymous"}`, JSON.stringify(stamp.projects), () => getArticleGuidelines({ actor, articleId: stamp.id, layer }));
}
