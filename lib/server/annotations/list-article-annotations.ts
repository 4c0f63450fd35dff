import "server-only";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { annotationSelect, noteSelect, toAnnotationDTO, toNoteDTO, visibleTo } from "@/lib/server/annotations/annotation-dto";

export interface ArticleAnnotations {
  annotations: AnnotationDTO[];
  notes: NoteDTO[];
  /** The newest event already reflected here: the live feed resumes after it. */
  lastEventId: string;
}

/** Everything on the article's current text that this reader may see, in reading order. */
export async function listArticleAnnotations({ actorId, articleId, revision }: { actorId: string | null; articleId: string; revision: number }): Promise<ArticleAnnotations> {
  // Read the event cursor first: anything committed after it is replayed by the feed (upserts are idempotent).
  const last = await db().articleEvent.findFirst({ where: { articleId }, orderBy: { id: "desc" }, select: { id: true } });
  const onCurrentText = { articleId, paragraph: { revision } };
  const [annotations, notes] = await Promise.all([
    db().annotation.findMany({
      where: { ...onCurrentText, deletedAt: null, anchorStatus: { not: "ORPHANED" }, ...visibleTo(actorId) },
      orderBy: [{ paragraph: { position: "asc" } }, { start: "asc" }, { end: "desc" }, { id: "asc" }],
      select: annotationSelect,
    }),
    db().note.findMany({
      where: { ...onCurrentText, deletedAt: null, ...visibleTo(actorId) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: noteSelect,
    }),
  ]);
  return { annotations: annotations.map(toAnnotationDTO), notes: notes.map(toNoteDTO), lastEventId: (last?.id ?? BigInt(0)).toString() };
}
