import "server-only";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";
import { listArticleWork } from "@/lib/server/annotations/list-article-annotations";

/**
 * What this reader sees on the article beyond its shared layer (listSharedAnnotations): the
 * rows they may read that an anonymous visitor may not — their own private work. Read per
 * request and never cached; the shared layer plus this is exactly listArticleAnnotations.
 */
export async function listOwnAnnotations({
  actorId,
  articleId,
  revision,
  paragraphIds,
}: {
  actorId: string;
  articleId: string;
  revision: number;
  paragraphIds?: string[];
}): Promise<{ annotations: AnnotationDTO[]; notes: NoteDTO[] }> {
  const reader = { id: actorId };
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
