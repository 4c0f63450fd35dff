/** Annotations and notes for the reader's DOM and store tests, made the way the app makes them (annotationDTOFromRow). */
import { describeRange } from "@/lib/anchoring";
import { annotationDTOFromRow, refsFrom } from "@/lib/annotations/annotation-row";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";

export const alice = { id: "u1", name: "Alice", color: "#b45309" };

/** A shared yellow highlight by Alice on `text[start, end)` of the paragraph. */
export function highlightOn(paragraph: { id: string; text: string }, start: number, end: number, id = `a-${paragraph.id}-${start}`): AnnotationDTO {
  return annotationDTOFromRow(
    {
      id,
      articleId: "art",
      paragraphId: paragraph.id,
      kind: "HIGHLIGHT",
      ...describeRange(paragraph.text, start, end),
      color: "yellow",
      entityTypeId: null,
      entityId: null,
      speakerId: null,
      visibility: "SHARED",
      anchorStatus: "ANCHORED",
      version: 1,
      authorId: alice.id,
      createdAt: new Date("2026-12-01T10:00:00.000Z"),
      updatedAt: new Date("2026-12-01T10:00:00.000Z"),
      projectId: null,
    },
    refsFrom({ authors: [alice], entityTypes: [], entities: [] }),
  );
}

/** A shared note by Alice on the paragraph: a thread of its own, on an annotation, or a reply. */
export function noteOn(paragraphId: string, id: string, { annotationId = null, parentId = null }: { annotationId?: string | null; parentId?: string | null } = {}): NoteDTO {
  return { id, articleId: "art", paragraphId, annotationId, parentId, body: "A thread", visibility: "SHARED", version: 1, author: alice, createdAt: "2026-12-01T11:00:00.000Z", updatedAt: "2026-12-01T11:00:00.000Z", projectId: null };
}
