import "server-only";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import type { Actor } from "@/lib/permissions";
import { ownLayerNoteWhere, ownLayerWorkWhere } from "@/lib/permissions/where";
import { listArticleWork } from "@/lib/server/annotations/list-article-annotations";

/**
 * What this reader sees in one layer of the article beyond its shared part (listSharedAnnotations):
 * their own private work there. Read per request and never cached; the shared layer plus this is
 * everything they see in the layer.
 */
export async function listOwnAnnotations({
  actor,
  articleId,
  revision,
  paragraphIds,
  projectId,
}: {
  actor: Pick<Actor, "id">;
  articleId: string;
  revision: number;
  paragraphIds?: string[];
  projectId: string | null;
}): Promise<{ annotations: AnnotationDTO[]; notes: NoteDTO[] }> {
  return listArticleWork({ articleId, revision, paragraphIds, filter: { annotations: ownLayerWorkWhere(actor, projectId), notes: ownLayerNoteWhere(actor, projectId) } });
}
