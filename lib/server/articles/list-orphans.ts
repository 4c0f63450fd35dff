import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { canModify, canRead, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";
import { annotationSelect, toAnnotationDTO } from "@/lib/server/annotations/annotation-dto";

/** An annotation a re-import could not place, as the Needs review list shows it: the annotation (as every read maps it) and where it was. */
export type OrphanDTO = AnnotationDTO & {
  /** The revision (and paragraph position in it) whose text it was made on. */
  revision: number;
  position: number;
  notes: number;
  /** May the viewer re-attach or dismiss it (its author or an admin, on a live article)? */
  canModify: boolean;
};

/**
 * The orphaned annotations of an article that nobody has dismissed, readable by the viewer
 * (shared ones, plus their own private ones), in the order of the text they came from; each
 * with the number of its notes the viewer can read.
 */
export async function listOrphans({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<OrphanDTO[]> {
  const [article, rows] = await Promise.all([
    db().article.findUnique({ where: { id: articleId }, select: { archivedAt: true } }),
    db().annotation.findMany({
      where: { articleId, anchorStatus: "ORPHANED", dismissedAt: null, ...readableWorkWhere(actor) },
      orderBy: [{ paragraph: { revision: "desc" } }, { paragraph: { position: "asc" } }, { start: "asc" }, { id: "asc" }],
      select: {
        ...annotationSelect,
        paragraph: { select: { revision: true, position: true } },
        _count: { select: { notes: { where: readableNoteWhere(actor) } } },
      },
    }),
  ]);
  if (!article || !canRead(actor, { type: "article", article }, readPolicy())) return [];
  return rows.map(({ paragraph, _count, ...row }) => ({
    ...toAnnotationDTO(row),
    revision: paragraph.revision,
    position: paragraph.position,
    notes: _count.notes,
    canModify: !article.archivedAt && canModify(actor, row.authorId),
  }));
}
