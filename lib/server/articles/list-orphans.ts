import "server-only";
import { db } from "@/lib/db";
import { canModify, canRead, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableNoteWhere, readableWorkWhere } from "@/lib/permissions/where";

/** An annotation a re-import could not place, as the Needs review list shows it. */
export interface OrphanDTO {
  id: string;
  kind: "HIGHLIGHT" | "ENTITY";
  exact: string;
  prefix: string;
  suffix: string;
  color: string | null;
  entityType: { key: string; label: string; color: string } | null;
  entity: { name: string } | null;
  author: { id: string; name: string; color: string };
  visibility: "SHARED" | "PRIVATE";
  /** The revision (and paragraph position in it) whose text it was made on. */
  revision: number;
  position: number;
  notes: number;
  createdAt: string;
  /** May the viewer re-attach or dismiss it (its author or an admin, on a live article)? */
  canModify: boolean;
}

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
        id: true,
        kind: true,
        exact: true,
        prefix: true,
        suffix: true,
        color: true,
        visibility: true,
        createdAt: true,
        authorId: true,
        author: { select: { id: true, name: true, color: true } },
        entityType: { select: { key: true, label: true, color: true } },
        entity: { select: { name: true } },
        paragraph: { select: { revision: true, position: true } },
        _count: { select: { notes: { where: readableNoteWhere(actor) } } },
      },
    }),
  ]);
  if (!article || !canRead(actor, { type: "article", article }, readPolicy())) return [];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    color: row.color,
    entityType: row.entityType,
    entity: row.entity,
    author: row.author,
    visibility: row.visibility,
    revision: row.paragraph.revision,
    position: row.paragraph.position,
    notes: row._count.notes,
    createdAt: row.createdAt.toISOString(),
    canModify: !article.archivedAt && canModify(actor, row.authorId),
  }));
}
