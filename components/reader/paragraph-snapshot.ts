import type { AnnotationDTO } from "@/lib/annotations/types";
import type { AnnotationStore } from "@/lib/client/annotation-store";

/**
 * What a paragraph not painted yet shows: no marks. One constant, so that its snapshot stays the
 * same while annotations arrive for it off-screen: a long article's stretches merge thousands of
 * annotations into paragraphs far from the viewport, and none of those paragraphs renders again.
 */
export const UNPAINTED: never[] = [];

/**
 * The marks a paragraph renders (a `useSyncExternalStore` snapshot): its annotations once it is
 * painted (near the viewport, see AnnotationStore.paint), else {@link UNPAINTED}. The store's lists
 * are replaced, never mutated, so an unchanged paragraph keeps its snapshot.
 */
export function paragraphMarks(store: AnnotationStore, paragraphId: string): AnnotationDTO[] {
  return store.isPainted(paragraphId) ? store.paragraphAnnotations(paragraphId) : UNPAINTED;
}

/**
 * How many note threads are on the paragraph itself, not on one of its annotations: the margin
 * button's count (a number, so a stable snapshot). Threads as the notes sheet shows them: each first
 * note, and each group of replies whose first note this reader cannot see; replies are not threads.
 */
export function paragraphThreadCount(store: AnnotationStore, paragraphId: string): number {
  const notes = store.paragraphNotes(paragraphId);
  let threads = 0;
  let unseenFirstNotes: Set<string> | null = null;
  for (const note of notes) {
    if (note.annotationId) continue;
    if (!note.parentId) threads++;
    else if (!notes.some((other) => other.id === note.parentId)) (unseenFirstNotes ??= new Set()).add(note.parentId);
  }
  return threads + (unseenFirstNotes?.size ?? 0);
}
