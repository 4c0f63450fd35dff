import "server-only";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import type { Actor } from "@/lib/permissions";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";
import { listArticleWork } from "@/lib/server/annotations/list-article-annotations";

/**
 * What this reader sees on the article beyond its shared layer (listSharedAnnotations): the
 * rows they may read that an anonymous visitor may not: their own private work, and work in the
 * Closed project layers open to them (by membership, or as an admin). Read per request and never
 * cached; the shared layer plus this is everything they may see.
 */
export async function listOwnAnnotations({
  actor,
  articleId,
  revision,
  paragraphIds,
}: {
  actor: Pick<Actor, "id" | "role">;
  articleId: string;
  revision: number;
  paragraphIds?: string[];
}): Promise<{ annotations: AnnotationDTO[]; notes: NoteDTO[] }> {
  const reader = { id: actor.id, role: actor.role };
  return listArticleWork({
    articleId,
    revision,
    paragraphIds,
    filter: {
      annotations: { AND: [readableWorkWhere(reader), { NOT: readableWorkWhere(null) }] },
      notes: { AND: [readableNoteWhere(reader), { NOT: readableNoteWhere(null) }] },
    },
  });
}
